/**
 * Invitation messages: the tenant's {@link io.invitations.spi.message.Branding}, templates per
 * tenant and language, rendering of HTML and plain text with every user-supplied value escaped, and
 * preview of exactly what would be sent.
 *
 * @since 0.1.0
 */
package io.invitations.core.message;
