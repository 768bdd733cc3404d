/**
 * The value types of the invitation domain that SPI signatures use: ids, the inviter and its
 * {@link io.invitations.spi.invitation.PermissionLevel}, the invitee and its contact, the target and
 * grant, the {@link io.invitations.spi.invitation.Invitation} snapshot with its status and delivery
 * state, history entries and shareable {@link io.invitations.spi.invitation.ShareableLink links}.
 *
 * <p>All types are immutable and safe to share between threads. Constructors validate their
 * arguments and throw {@link java.lang.NullPointerException} or {@link java.lang.IllegalArgumentException}
 * for a programming error; user input is validated by the engine before it reaches these types.
 *
 * @since 0.1.0
 */
package io.invitations.spi.invitation;
