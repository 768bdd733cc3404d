/**
 * The seat SPI: how many members a tenant's plan allows and how many seats are taken.
 *
 * @since 0.1.0
 */
package io.invitations.spi.seats;
