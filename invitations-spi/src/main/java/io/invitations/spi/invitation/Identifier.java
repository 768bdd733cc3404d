package io.invitations.spi.invitation;

import org.apiguardian.api.API;


/**
 * A contact without email: an identifier of some kind, redeemed together with an access code.
 *
 * @param kind  the kind, not {@code null}
 * @param value the identifier, stripped of surrounding blanks; at most 256 characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Identifier(IdentifierKind kind, String value) implements Contact {
    /**
     * Validates the identifier.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if an argument is missing, or the
     *         value is blank or too long
     */
    public Identifier {
        Values.require(kind, "identifier kind");
        value = Values.requireText(value, "identifier", 256).strip();
    }

    /**
     * Creates an identifier.
     *
     * @param kind  the kind
     * @param value the identifier
     * @return the identifier
     */
    public static Identifier of(IdentifierKind kind, String value) {
        return new Identifier(kind, value);
    }

    /** {@inheritDoc} Kind and value must both match. */
    @Override
    public String matchKey() {
        return "id:" + kind.name() + ":" + value;
    }

    @Override
    public String toString() {
        return kind.name() + ":" + value;
    }
}
