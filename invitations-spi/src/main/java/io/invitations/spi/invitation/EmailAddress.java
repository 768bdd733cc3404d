package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Locale;

/**
 * An email address. The engine normalises it before building one (domain converted from IDN to
 * ASCII and lower-cased, local part kept as typed); this type checks only its shape.
 *
 * @param value the address, e.g. {@code Jane.Doe@example.com}; at most 254 characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record EmailAddress(String value) implements Contact {
    /** The longest address SMTP allows. */
    public static final int MAX_LENGTH = 254;

    /**
     * Checks the shape: one {@code @} with text on both sides.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if it is missing, blank, too
     *         long, or not {@code local@domain}
     */
    public EmailAddress {
        Values.requireText(value, "email", MAX_LENGTH);
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw InvitationException.invalidValue("email must look like local@domain, e.g. jane@example.com");
        }
    }

    /**
     * Creates an address.
     *
     * @param value the address
     * @return the address
     */
    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /**
     * Returns the part before the last {@code @}.
     *
     * @return the local part as typed
     */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /**
     * Returns the domain, lower-cased.
     *
     * @return the part after the last {@code @}
     */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** {@inheritDoc} Two addresses that differ only in case match. */
    @Override
    public String matchKey() {
        return "email:" + value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
