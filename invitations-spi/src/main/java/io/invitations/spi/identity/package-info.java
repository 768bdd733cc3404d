/**
 * The identity SPI: the host's directory of accounts. The engine asks it whether someone is already
 * a member, whether a tenant signs in through SSO, and asks it to create or link an account when an
 * invitation is claimed.
 *
 * @since 0.1.0
 */
package io.invitations.spi.identity;
