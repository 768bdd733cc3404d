/**
 * Link tokens: a token is an HMAC-SHA256 under a key of the
 * {@link io.invitations.spi.security.KeyRing} over a purpose, the tenant, a subject id (the
 * invitation) and a token version; the key id travels inside the token so that older keys keep
 * verifying until retired. Nothing secret is stored: verification recomputes the MAC and compares
 * in constant time, before any storage is read. {@link io.invitations.core.token.TokenSigner#mac}
 * is the derivation other secrets (access codes) reuse.
 *
 * @since 0.1.0
 */
package io.invitations.core.token;
