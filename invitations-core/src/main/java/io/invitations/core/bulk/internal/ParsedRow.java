package io.invitations.core.bulk.internal;

import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Invitee;

import java.util.Locale;
import java.util.Objects;

/**
 * A row that passed validation: what to invite, with the call's defaults applied.
 *
 * @param rowNumber       the row's number as the user sees it
 * @param invitee         who to invite (email normalised), not {@code null}
 * @param grant           what to grant (role, membership type, groups, unit, the row's metadata), not {@code null}
 * @param locale          the invitee's language, or {@code null} for the tenant's default
 * @param personalMessage the personal message, or {@code null}
 * @param inputKey        the key under which two rows of one call are the same person
 *                        (case-insensitive email or identifier), not {@code null}
 */
public record ParsedRow(int rowNumber, Invitee invitee, Grant grant, Locale locale, String personalMessage,
                        String inputKey) {
    /**
     * Validates the row.
     *
     * @throws NullPointerException if a required component is null
     */
    public ParsedRow {
        Objects.requireNonNull(invitee, "invitee");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(inputKey, "inputKey");
    }
}
