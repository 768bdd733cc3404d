/**
 * The outbox: messages are stored with their invitation in one write and delivered afterwards by an
 * {@code OutboxProcessor}, which renders each one at delivery time (so no
 * claim link is ever stored), hands it to the {@link io.invitations.spi.mail.Mailer}, retries
 * transient failures with capped exponential backoff and records the outcome on the invitation. A
 * failing or slow mail server never fails or loses an invitation.
 *
 * @since 0.1.0
 */
package io.invitations.core.outbox;

