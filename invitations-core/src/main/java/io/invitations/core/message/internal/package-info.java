/**
 * The machinery behind message templates: the small placeholder syntax and its parser, HTML
 * escaping, the expiry in words, and the built-in English, French and German templates. Nothing
 * public here is API; use {@link io.invitations.core.message.MessageRenderer} and
 * {@link io.invitations.spi.message.MessageTemplate}.
 *
 * @since 0.1.0
 */
package io.invitations.core.message.internal;
