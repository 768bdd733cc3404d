/**
 * Conversion reports: how many sent invitations were delivered, opened and accepted, and how long
 * acceptance took, per tenant, inviter, batch or channel, from the stored invitations and history.
 *
 * @since 1.1
 */
package io.invitations.core.conversion;
