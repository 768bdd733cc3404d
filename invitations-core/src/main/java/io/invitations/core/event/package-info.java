/**
 * Events (DESIGN §10): the stable JSON form of the SPI's
 * {@link io.invitations.spi.event.InvitationEvent} records, for webhooks and audit logs, through
 * {@link io.invitations.core.event.InvitationEventJson}.
 *
 * @since 0.1.0
 */
package io.invitations.core.event;
