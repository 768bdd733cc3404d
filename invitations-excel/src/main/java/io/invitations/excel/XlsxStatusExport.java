package io.invitations.excel;

import io.invitations.excel.internal.StatusWorkbook;
import io.invitations.spi.invitation.Invitation;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes the invitation status report as an Excel workbook, streaming (Apache POI SXSSF: only a
 * window of rows is in memory, so thousands of invitations cost little). The columns are the
 * shared {@link io.invitations.core.bulk.StatusReport#HEADERS}, the same as the CSV export, with
 * statuses as of the given instant; every cell is a text cell, which a spreadsheet never calculates,
 * so a name such as {@code =HYPERLINK(...)} can never run as a formula. Text that looks like a formula
 * (see {@link io.invitations.core.bulk.CellText}) is written as it is with the "quote prefix" cell
 * style, so no apostrophe shows and editing the cell keeps it text. The header names are ones the
 * importers recognise, so the report can be edited and imported again, every value exactly as exported.
 *
 * <pre>{@code
 * List<Invitation> invitations = store.query(...);          // any Iterable, read once, in order
 * try (OutputStream out = response.getOutputStream()) {
 *     XlsxStatusExport.write(out, invitations, clock.instant());
 * }
 * }</pre>
 *
 * <p>Thread-safe: every call is independent.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class XlsxStatusExport {
    private XlsxStatusExport() {
    }

    /**
     * Writes the report.
     *
     * @param out         where to write the {@code .xlsx}; flushed, not closed
     * @param invitations the invitations, one row each, in this order
     * @param now         the instant statuses are judged at (a pending invitation past its expiry reads
     *                    EXPIRED); take it from the service's {@link java.time.Clock}
     * @return the number of invitations written
     * @throws UncheckedIOException     when writing fails
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} when there are more
     *         invitations than a sheet has rows (1,048,575)
     * @throws NullPointerException     if an argument is null
     */
    public static int write(OutputStream out, Iterable<Invitation> invitations, Instant now) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(now, "now");
        try {
            int written = StatusWorkbook.write(out, invitations, now);
            out.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("the status report could not be written", e);
        }
    }
}
