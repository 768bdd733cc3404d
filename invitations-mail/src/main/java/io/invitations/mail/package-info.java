/**
 * SMTP delivery of invitation messages: {@link io.invitations.mail.SmtpMailer} implements the
 * {@link io.invitations.spi.mail.Mailer} SPI with Jakarta Mail (Eclipse Angus), sends
 * multipart/alternative HTML and text with UTF-8 headers, and maps SMTP 4xx replies and connection
 * failures to transient failures and 5xx replies to permanent ones.
 *
 * @since 0.1.0
 */
package io.invitations.mail;
