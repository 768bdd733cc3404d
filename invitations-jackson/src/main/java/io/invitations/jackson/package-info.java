/**
 * Optional JSON support on Jackson 3: {@link io.invitations.jackson.InvitationEventJson}, the stable
 * JSON form of the SPI's {@link io.invitations.spi.event.InvitationEvent} records for webhooks and
 * audit logs, and {@link io.invitations.jackson.InvitationsJacksonModule}, which writes the id types
 * as plain strings in a host's own mapper.
 *
 * @since 1.0.0
 */
package io.invitations.jackson;
