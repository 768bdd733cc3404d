package io.invitations.csv;

import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.StatusReport;
import io.invitations.csv.internal.CsvTableWriter;
import org.apiguardian.api.API;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.StreamSupport;

/**
 * Writes claim links as CSV, for hosts that hand links out another way (print, an SMS gateway, a
 * mail merge from a manager): the {@link StatusReport} columns of each invitation followed by a
 * {@value #CLAIM_LINK_HEADER} column. Every cell is neutralised against formula injection.
 *
 * <p><b>This class trusts its caller.</b> Claim links are secrets: the facade's
 * {@link io.invitations.core.InvitationAdministration#exportClaimLinks exportClaimLinks} checks that the
 * actor holds an admin level and re-derives each link from the key ring (links are never stored);
 * this class only writes what it is given. Do not call it with links the actor may
 * not see. {@link CsvImporter} never imports a {@value #CLAIM_LINK_HEADER} column, so a file that
 * comes back does not copy links into metadata. Thread-safe: the class holds no state.
 *
 * <pre>{@code
 * List<ClaimLinkEntry> entries = invitations.administration(admin, tenant).exportClaimLinks(batchId);  // admins only
 * ClaimLinkExport.write(entries, clock.instant(), out, CsvExportOptions.excel());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class ClaimLinkExport {
    /** The header of the link column. */
    public static final String CLAIM_LINK_HEADER = "claim link";

    /** The header row: {@link StatusReport#HEADERS} and {@value #CLAIM_LINK_HEADER}. */
    public static final List<String> HEADERS = headers();

    private ClaimLinkExport() {
    }

    /**
     * Writes the links as UTF-8 bytes.
     *
     * @param entries the invitations with their links, in the order to write them; iterated once
     * @param asOf    the instant statuses are judged at; usually the service clock's {@code instant()}
     * @param out     the target; flushed, not closed
     * @param options separator and byte-order mark
     * @throws UncheckedIOException when writing fails
     */
    public static void write(Iterable<ClaimLinkEntry> entries, Instant asOf, OutputStream out, CsvExportOptions options) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        CsvTableWriter.write(HEADERS, rows(entries, asOf), out, options);
    }

    /**
     * Writes the links as text.
     *
     * @param entries the invitations with their links, in the order to write them; iterated once
     * @param asOf    the instant statuses are judged at
     * @param out     the target; flushed, not closed
     * @param options separator and byte-order mark (written as the character U+FEFF)
     * @throws UncheckedIOException when writing fails
     */
    public static void write(Iterable<ClaimLinkEntry> entries, Instant asOf, Writer out, CsvExportOptions options) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        CsvTableWriter.write(HEADERS, rows(entries, asOf), out, options);
    }

    private static List<String> headers() {
        List<String> h = new ArrayList<>(StatusReport.HEADERS);
        h.add(CLAIM_LINK_HEADER);
        return List.copyOf(h);
    }

    private static Iterable<List<String>> rows(Iterable<ClaimLinkEntry> entries, Instant asOf) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(asOf, "asOf");
        return () -> StreamSupport.stream(entries.spliterator(), false)
                .<List<String>>map(entry -> {
                    List<String> row = new ArrayList<>(StatusReport.row(entry.invitation(), asOf));
                    row.add(entry.claimUrl());
                    return row;
                })
                .iterator();
    }
}
