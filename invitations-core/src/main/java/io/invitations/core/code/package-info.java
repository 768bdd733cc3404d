/**
 * Access codes for invitations without email: {@code AccessCodes} derives
 * a short human code from the key ring (never stored) and verifies typed codes in constant time;
 * {@link io.invitations.core.code.AccessCode} reads what people type and formats what they read;
 * {@code AccessCodeGate} checks identifier and code together and throttles
 * wrong guesses per identifier and per client through the
 * {@link io.invitations.spi.security.AttemptThrottle} SPI.
 *
 * @since 0.1.0
 */
package io.invitations.core.code;

import io.invitations.core.code.internal.AccessCodes;
