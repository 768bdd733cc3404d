/**
 * Referrals: who invited whom, and per inviter how many invitations were sent and
 * accepted over a period, with the acceptance rate; the top inviters of a tenant.
 *
 * @since 0.1.0
 */
package io.invitations.core.referral;
