/**
 * The mail-delivery SPI: a {@link io.invitations.spi.mail.Mailer} receives rendered
 * {@link io.invitations.spi.mail.MailMessage messages} from the engine's outbox and reports
 * failures as transient (retried with backoff) or permanent (recorded on the invitation).
 *
 * @since 0.1.0
 */
package io.invitations.spi.mail;
