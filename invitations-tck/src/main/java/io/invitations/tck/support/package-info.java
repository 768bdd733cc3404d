/**
 * Helpers for hosts' and adapters' tests, used by the compatibility kits too:
 * {@link io.invitations.tck.support.MutableClock}, a clock that moves only when told (no sleeping
 * for expiry); {@link io.invitations.tck.support.Race}, which starts N real threads together and
 * reports exactly how each ended; {@link io.invitations.tck.support.InvitationAssert}, AssertJ
 * assertions for invitations.
 *
 * @since 0.1.0
 */
package io.invitations.tck.support;
