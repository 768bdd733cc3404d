/**
 * The facade: {@link io.invitations.core.InvitationService}, built with
 * {@link io.invitations.core.InvitationService#builder()}, with its requests
 * ({@link io.invitations.core.InviteRequest}, {@link io.invitations.core.ClaimRequest}), results and
 * the exceptions its operations throw. Every other package of the engine serves this one.
 *
 * @since 0.1.0
 */
package io.invitations.core;
