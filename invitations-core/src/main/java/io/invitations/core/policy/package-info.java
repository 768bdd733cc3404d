/**
 * Who may do what (permission levels, roles, guests, domains, seats, quotas, resends): {@link io.invitations.core.policy.InvitationPolicy} checks a request
 * against a tenant's settings and returns every {@link io.invitations.core.policy.Refusal} at once,
 * so that the facade and the bulk engine (one row at a time) apply the same rules; the facade
 * throws them as one {@link io.invitations.core.policy.PolicyViolationException}.
 *
 * @since 0.1.0
 */
package io.invitations.core.policy;
