/**
 * Micrometer metrics and observations for the invitations engine, without Spring:
 * {@link io.invitations.micrometer.InvitationMetrics} counts events, bulk rows and deliveries,
 * observes invite, bulk, accept and delivery, and registers outbox gauges read through an
 * {@link io.invitations.micrometer.OutboxBacklog}.
 *
 * @since 0.1.0
 */
package io.invitations.micrometer;
