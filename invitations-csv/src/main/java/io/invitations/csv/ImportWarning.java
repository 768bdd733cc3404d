package io.invitations.csv;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Something an importer noticed and handled without failing, for the host to show next to the
 * result: blank rows skipped, an LDIF entry that is not a person, a vCard line the parser repaired.
 *
 * @param rowNumber the row (card, entry) concerned as the user sees it, or 0 for the whole file
 * @param message   what happened, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record ImportWarning(int rowNumber, String message) {
    /**
     * Validates the warning.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code rowNumber} is negative
     * @throws NullPointerException     if {@code message} is null
     */
    public ImportWarning {
        if (rowNumber < 0) {
            throw InvitationException.invalidValue("rowNumber must not be negative");
        }
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (rowNumber > 0 ? "row " + rowNumber + ": " : "") + message;
    }
}
