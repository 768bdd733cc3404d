package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of an {@link Identifier}: one of the well-known kinds or a host-defined one.
 *
 * @param name lower-case letters, digits, {@code -} and {@code _}; 1 to 64 characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record IdentifierKind(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");

    /** A phone number. */
    public static final IdentifierKind PHONE = new IdentifierKind("phone");
    /** An internal personnel (employee) number. */
    public static final IdentifierKind PERSONNEL_NUMBER = new IdentifierKind("personnel_number");
    /** A birth date. */
    public static final IdentifierKind BIRTH_DATE = new IdentifierKind("birth_date");

    /**
     * Normalises the name to lower case and checks it.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code name} is missing, has
     *         other characters or is too long
     */
    public IdentifierKind {
        Values.requireText(name, "identifier kind", 64);
        name = name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw InvitationException.invalidValue("identifier kind '" + name
                    + "' may use only letters, digits, '-' and '_': e.g. phone or personnel_number");
        }
    }

    /**
     * Returns the kind with that name (well-known or host-defined).
     *
     * @param name the kind's name, any case
     * @return the kind
     */
    public static IdentifierKind of(String name) {
        return new IdentifierKind(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
