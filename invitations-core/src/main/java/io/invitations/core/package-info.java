/**
 * The facade: {@link io.invitations.core.InvitationService}, built with
 * {@link io.invitations.core.InvitationService#builder()}, and its three audiences:
 * {@link io.invitations.core.InviteeActions} for the anonymous invitee (claim links, access codes,
 * shareable links), {@link io.invitations.core.InvitationAdministration} for someone acting in one
 * tenant, bound once to the actor and the tenant, and {@link io.invitations.core.InvitationMaintenance}
 * for the host's scheduler; with their requests ({@link io.invitations.core.InviteRequest},
 * {@link io.invitations.core.ClaimRequest}), results and the exceptions their operations throw.
 * Every other package of the engine serves this one.
 *
 * @since 0.1.0
 */
package io.invitations.core;
