/**
 * Messages as a service-provider interface: the {@link io.invitations.spi.message.MessageTemplateStore}
 * that keeps each tenant's custom templates, the validated {@link io.invitations.spi.message.MessageTemplate}
 * with its {@link io.invitations.spi.message.Placeholder placeholders}, and the tenant's
 * {@link io.invitations.spi.message.Branding} that settings carry. Rendering and the built-in
 * templates live in the engine ({@code io.invitations.core.message}).
 *
 * @since 0.1.0
 */
package io.invitations.spi.message;
