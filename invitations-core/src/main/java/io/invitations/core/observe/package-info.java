/**
 * Hooks for observing the engine from outside: an {@link io.invitations.core.observe.InvitationObserver}
 * is called around invite, provision, bulk, accept, link join and outbox delivery, e.g. by the
 * {@code invitations-micrometer} module to time and trace them.
 *
 * @since 0.1.0
 */
package io.invitations.core.observe;
