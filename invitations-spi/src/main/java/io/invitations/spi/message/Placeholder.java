package io.invitations.spi.message;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The named values a message template may use, written {@code {{tenantName}}} in a template. A value
 * is inserted with {@code {{name}}}; {@code {{#name}}…{{/name}}} keeps its body only when the value
 * is present, {@code {{^name}}…{{/name}}} only when it is absent. Every value is HTML-escaped in the
 * HTML part and inserted as is in the subject and plain text.
 *
 * @since 0.1.0
 */
public enum Placeholder {
    /** The tenant's name, from its {@link Branding}. Always present. */
    TENANT_NAME("tenantName"),
    /** The tenant's description, from its {@link Branding}; may be absent. */
    TENANT_DESCRIPTION("tenantDescription"),
    /** The absolute URL of the tenant's logo; may be absent. */
    LOGO_URL("logoUrl"),
    /** The tenant's accent colour as {@code #RRGGBB} ({@code #2F6FEB} by default). */
    ACCENT_COLOR("accentColor"),
    /** The inviter's display name. Always present. */
    INVITER_NAME("inviterName"),
    /** The invitee's name: display name, else first and last name, else inferred from the email; may be absent. */
    INVITEE_NAME("inviteeName"),
    /** The inviter's personal message; may be absent. */
    PERSONAL_MESSAGE("personalMessage"),
    /** The claim link; for an access-code notice, the address of the page where the code is entered. */
    CLAIM_URL("claimUrl"),
    /** The expiry in words in the message's language, e.g. "expires in 7 days"; absent without expiry. */
    EXPIRES_IN("expiresIn"),
    /** The expiry's date (UTC) in the long style of the message's locale; absent without expiry. */
    EXPIRES_ON("expiresOn"),
    /** What kind of identifier an identifier invitee has, e.g. "Personnel number"; absent for email invitees. */
    IDENTIFIER_LABEL("identifierLabel"),
    /** The identifier of an identifier invitee, or the email address of an email invitee. */
    IDENTIFIER("identifier"),
    /** The access code of an identifier invitee; present only in access-code notices. */
    ACCESS_CODE("accessCode");

    private final String key;

    Placeholder(String key) {
        this.key = key;
    }

    /**
     * The name used in templates, e.g. {@code tenantName}.
     *
     * @return the name
     */
    public String key() {
        return key;
    }

    /**
     * Finds a placeholder by its name in templates.
     *
     * @param key the name, e.g. {@code inviterName}; case-sensitive
     * @return the placeholder, or empty if there is none of that name
     */
    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /**
     * The names of every placeholder, in declaration order.
     *
     * @return the names
     */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Placeholder::key).toList();
    }
}
