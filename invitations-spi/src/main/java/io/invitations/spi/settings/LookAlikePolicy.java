package io.invitations.spi.settings;

/**
 * What a tenant does with a new contact (email address or identifier) that looks like, but is not,
 * the contact of someone already invited or a member: the same skeleton in the sense of Unicode
 * Technical Standard #39 (e.g. a Cyrillic "а" for a Latin "a").
 *
 * @since 0.1.0
 */
public enum LookAlikePolicy {
    /** Refuse the new contact with {@code ErrorCode.CONTACT_CONFUSABLE} (the default). */
    REFUSE,
    /**
     * Accept it, but mark the invitation's history ("looks like an existing contact") and log a
     * warning without the address, for an administrator to review.
     */
    FLAG
}
