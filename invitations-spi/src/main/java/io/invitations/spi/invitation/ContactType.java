package io.invitations.spi.invitation;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The kind of contact an invitation reaches its invitee by: an email address, or an identifier
 * (given with an access code) for people without email. An
 * {@link io.invitations.spi.storage.InvitationQuery} can filter on it, e.g. for a tab that lists the
 * invitations without email.
 *
 * @since 1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum ContactType {
    /** An {@link EmailAddress}. */
    EMAIL,
    /** An {@link Identifier}, such as a personnel number or a phone number. */
    IDENTIFIER;

    /**
     * Returns the type of a contact.
     *
     * @param contact the contact, not {@code null}
     * @return {@link #EMAIL} for an email address, {@link #IDENTIFIER} for an identifier
     */
    public static ContactType of(Contact contact) {
        return Objects.requireNonNull(contact, "contact") instanceof EmailAddress ? EMAIL : IDENTIFIER;
    }
}
