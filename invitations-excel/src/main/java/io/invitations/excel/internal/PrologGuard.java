package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;

import java.io.InputStream;

/**
 * Watches an XML part's prolog (everything before the root element) and stops with
 * {@link ErrorCode#IMPORT_UNSAFE} when it declares a DOCTYPE, before the parser sees the bytes.
 * The XML parsers used refuse a DOCTYPE as well; this guard is what makes the refusal a typed,
 * explicit one whichever parser (POI's DOM, its SAX, ours) reads the part. Zero bytes are skipped,
 * so UTF-16 parts are checked too. Once the root element starts, bytes pass through unchecked.
 */
final class PrologGuard extends InspectingStream {
    private static final String DOCTYPE = "<!doctype";
    private static final int ROOT_STARTED = -1;

    private final String name;
    private final ReadBudget budget;
    private final StringBuilder window = new StringBuilder();
    private int state;

    PrologGuard(InputStream in, String name, ReadBudget budget) {
        super(in);
        this.name = name;
        this.budget = budget;
    }

    @Override
    void inspect(byte[] b, int off, int n) throws StoppedReading {
        for (int i = off; i < off + n && state != ROOT_STARTED; i++) {
            look(b[i]);
        }
    }

    private void look(byte b) throws StoppedReading {
        if (b == 0) {
            return;
        }
        char c = (char) (b & 0xFF);
        if (state == 1) {
            // the character right after '<': '?' or '!' keep us in the prolog, anything else is the root
            state = c == '?' || c == '!' ? 0 : ROOT_STARTED;
        } else if (c == '<') {
            state = 1;
        }
        window.append(Character.toLowerCase(c));
        if (window.length() > DOCTYPE.length()) {
            window.deleteCharAt(0);
        }
        if (window.length() == DOCTYPE.length() && window.toString().equals(DOCTYPE)) {
            throw new StoppedReading(budget.stop(new ImportException(ErrorCode.IMPORT_UNSAFE, 0, null,
                    "the workbook's part '" + Names.shorten(name) + "' declares a DOCTYPE, which can hide external"
                            + " entities (XXE) or entity bombs; files saved by Excel or LibreOffice never do; the file"
                            + " is refused")));
        }
    }
}
