package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown when an import file as a whole cannot be read: wrong format, broken structure, no email
 * column, over a size or row limit, or unsafe content. Problems of single rows are not exceptions;
 * they are reported per row. Nothing is written when this is thrown.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class ImportException extends InvitationException {
    private static final long serialVersionUID = 1L;

    private final int rowNumber;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param code      {@link ErrorCode#IMPORT_INVALID_FILE}, {@link ErrorCode#IMPORT_LIMIT_EXCEEDED} or
     *                  {@link ErrorCode#IMPORT_UNSAFE}
     * @param rowNumber the row where it was found (as the user sees it), or 0 when not tied to a row
     * @param field     the field or column concerned, or {@code null}
     * @param message   what was wrong and how to fix it
     */
    public ImportException(ErrorCode code, int rowNumber, String field, String message) {
        this(code, rowNumber, field, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param code      the code
     * @param rowNumber the row, or 0
     * @param field     the field, or {@code null}
     * @param message   what was wrong and how to fix it
     * @param cause     the parser's exception, or {@code null}
     */
    public ImportException(ErrorCode code, int rowNumber, String field, String message, Throwable cause) {
        super(code, (rowNumber > 0 ? "row " + rowNumber + ": " : "") + message, cause);
        this.rowNumber = rowNumber;
        this.field = field;
    }

    /**
     * Returns the row where the problem was found.
     *
     * @return the row number, or 0 when not tied to a row
     */
    public int rowNumber() {
        return rowNumber;
    }

    /**
     * Returns the field or column concerned.
     *
     * @return the field, or {@code null}
     */
    public String field() {
        return field;
    }
}
