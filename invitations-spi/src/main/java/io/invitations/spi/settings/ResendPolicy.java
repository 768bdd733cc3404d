package io.invitations.spi.settings;

/**
 * What a resend does to the link of a pending invitation. Either way the expiry starts afresh.
 *
 * @since 0.1.0
 */
public enum ResendPolicy {
    /** Keep the same link and extend its expiry (the default): earlier messages keep working. */
    SAME_LINK_EXTEND,
    /** Issue a new link; every earlier link of the invitation dies at once. */
    ROTATE
}
