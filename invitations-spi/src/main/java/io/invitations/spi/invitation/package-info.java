/**
 * The value types of the invitation domain that SPI signatures use: ids, the inviter and its
 * {@link io.invitations.spi.invitation.PermissionLevel}, the invitee and its contact, the target and
 * grant, the {@link io.invitations.spi.invitation.Invitation} snapshot with its status and delivery
 * state, history entries and shareable {@link io.invitations.spi.invitation.ShareableLink links}.
 *
 * <p>All types are immutable and safe to share between threads. Constructors and factories validate
 * their values and refuse a missing or bad one with {@link io.invitations.spi.InvitationException}
 * of code {@link io.invitations.spi.ErrorCode#INVALID_REQUEST}, whose message names the field and
 * what a good value looks like (so a host that builds an id from a request parameter answers a
 * client error, not a server error). User input is validated by the engine before it reaches these
 * types.
 *
 * @since 0.1.0
 */
package io.invitations.spi.invitation;
