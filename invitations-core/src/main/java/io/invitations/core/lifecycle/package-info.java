/**
 * The invitation state machine (provisioned, pending, awaiting approval, accepted, declined, revoked, expired): which {@link io.invitations.spi.invitation.Action}
 * moves an invitation from which status to which, and the typed
 * {@link io.invitations.core.lifecycle.IllegalTransitionException} for every other move.
 *
 * @since 0.1.0
 */
package io.invitations.core.lifecycle;
