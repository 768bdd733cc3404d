/**
 * The security SPIs: the {@link io.invitations.spi.security.KeyRing} of signing keys that link
 * tokens and access codes are derived under, and the {@link io.invitations.spi.security.AttemptThrottle}
 * that limits wrong guesses.
 *
 * @since 0.1.0
 */
package io.invitations.spi.security;
