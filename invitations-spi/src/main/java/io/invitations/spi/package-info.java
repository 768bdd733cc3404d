/**
 * The contracts between the invitations engine and the host: the root of every error the library
 * throws ({@link io.invitations.spi.InvitationException}) with its stable {@link io.invitations.spi.ErrorCode}.
 * The sub-packages hold the value types that SPI signatures use and one package per SPI.
 *
 * <p>This module depends on nothing outside the JDK, so an adapter author can implement it without
 * pulling in the engine.
 *
 * @since 0.1.0
 */
package io.invitations.spi;
