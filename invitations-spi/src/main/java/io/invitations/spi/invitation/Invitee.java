package io.invitations.spi.invitation;

import org.apiguardian.api.API;


/**
 * Who is invited: a contact plus optional names. Where no name is given the engine infers a display
 * name from the email's local part ({@code jane.doe@x} becomes "Jane Doe").
 *
 * @param contact     the email or identifier, not {@code null}
 * @param firstName   the first name, or {@code null}
 * @param lastName    the last name, or {@code null}
 * @param displayName the name used in messages and lists, or {@code null} before the engine infers it
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Invitee(Contact contact, String firstName, String lastName, String displayName) {
    /**
     * Validates the invitee; blank names become {@code null}.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code contact} is missing
     */
    public Invitee {
        Values.require(contact, "contact");
        firstName = Values.blankToNull(firstName);
        lastName = Values.blankToNull(lastName);
        displayName = Values.blankToNull(displayName);
    }

    /**
     * Creates an invitee reached by email, without names.
     *
     * @param email the address
     * @return the invitee
     */
    public static Invitee email(String email) {
        return new Invitee(new EmailAddress(email), null, null, null);
    }

    /**
     * Creates an invitee known by an identifier, without names.
     *
     * @param kind  the identifier's kind
     * @param value the identifier
     * @return the invitee
     */
    public static Invitee identifier(IdentifierKind kind, String value) {
        return new Invitee(new Identifier(kind, value), null, null, null);
    }

    /**
     * Returns a copy with first and last name.
     *
     * @param first the first name, or {@code null}
     * @param last  the last name, or {@code null}
     * @return a new invitee
     */
    public Invitee withName(String first, String last) {
        return new Invitee(contact, first, last, displayName);
    }

    /**
     * Returns a copy with a display name.
     *
     * @param name the display name, or {@code null}
     * @return a new invitee
     */
    public Invitee withDisplayName(String name) {
        return new Invitee(contact, firstName, lastName, name);
    }

    /**
     * Returns the email when the contact is one.
     *
     * @return the address, or {@code null} for identifier invitees
     */
    public EmailAddress emailOrNull() {
        return contact instanceof EmailAddress e ? e : null;
    }
}
