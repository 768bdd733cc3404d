/**
 * The event SPI: the engine publishes an {@link io.invitations.spi.event.InvitationEvent} for every
 * transition, delivery outcome and link change to each registered
 * {@link io.invitations.spi.event.InvitationEventListener}. The engine's {@code InvitationEventJson}
 * (in the optional invitations-jackson module) gives them a stable JSON form for webhooks and audit logs.
 *
 * @since 0.1.0
 */
package io.invitations.spi.event;
