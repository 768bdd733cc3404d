package io.invitations.csv;

import io.invitations.core.bulk.StatusReport;
import io.invitations.csv.internal.CsvTableWriter;
import io.invitations.spi.invitation.Invitation;
import org.apiguardian.api.API;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.StreamSupport;

/**
 * Writes the invitation status report as CSV: one line per invitation with the columns of
 * {@link StatusReport#HEADERS} (email, identifier, names, role, membership, groups, status as of the
 * report's instant, inviter, dates, delivery, id). Every cell is neutralised against formula
 * injection. The headers are ones {@link CsvImporter} recognises, so a report can be edited and
 * imported again (columns such as status come back as metadata, or are ignored by option).
 *
 * <p>The report holds no secret. Which invitations the actor may see is the caller's business (the
 * facade queries them). Thread-safe: the class holds no state.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {
 *     StatusReportExport.write(invitations, clock.instant(), out, CsvExportOptions.excel());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class StatusReportExport {
    private StatusReportExport() {
    }

    /**
     * Writes the report as UTF-8 bytes.
     *
     * @param invitations the invitations, in the order to write them; iterated once
     * @param asOf        the instant statuses are judged at (a pending invitation past its expiry
     *                    reads EXPIRED); usually the service clock's {@code instant()}
     * @param out         the target; flushed, not closed
     * @param options     separator and byte-order mark
     * @throws UncheckedIOException when writing fails
     */
    public static void write(Iterable<Invitation> invitations, Instant asOf, OutputStream out,
                             CsvExportOptions options) {
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        CsvTableWriter.write(StatusReport.HEADERS, rows(invitations, asOf), out, options);
    }

    /**
     * Writes the report as text.
     *
     * @param invitations the invitations, in the order to write them; iterated once
     * @param asOf        the instant statuses are judged at
     * @param out         the target; flushed, not closed
     * @param options     separator and byte-order mark (written as the character U+FEFF)
     * @throws UncheckedIOException when writing fails
     */
    public static void write(Iterable<Invitation> invitations, Instant asOf, Writer out, CsvExportOptions options) {
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        CsvTableWriter.write(StatusReport.HEADERS, rows(invitations, asOf), out, options);
    }

    private static Iterable<List<String>> rows(Iterable<Invitation> invitations, Instant asOf) {
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(asOf, "asOf");
        return () -> StreamSupport.stream(invitations.spliterator(), false)
                .map(invitation -> StatusReport.row(invitation, asOf))
                .iterator();
    }
}
