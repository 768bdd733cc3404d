package io.invitations.core.bulk;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Submits a file too large for one bulk call in waves: rows are read from a {@link RowSource} as the
 * importer produces them, gathered into waves of at most {@code waveSize} rows (the tenant's bulk
 * limit), and each full wave is handed to {@code submit} (usually
 * {@code rows -> admin.bulk(BulkRequest.builder(rows)...build())}) before the next
 * is read. At most one wave of rows is held at a time, however long the file.
 *
 * <p><b>Nothing is written for a broken file.</b> The source is read twice: first to the end without
 * keeping any row, so that a file-level {@link ImportException} (a limit, a broken quote, bad
 * bytes...) is thrown before the first wave is submitted; then again to submit. Row problems are not
 * file errors: they come back per row in the wave's report, as in one bulk call. Only if the file
 * changes between the two reads can the second read fail after some waves were written; the
 * exception then says how many rows were submitted.
 *
 * <p>Each wave is one bulk call, with its own batch id; duplicates are found within a wave (a
 * repeat in a later wave is answered like any existing invitation).
 *
 * <pre>{@code
 * BulkWaves.Report report = BulkWaves.submit(source, 500,
 *         rows -> admin.bulk(BulkRequest.builder(rows).defaultRole("member").build()));
 * report.count(BulkOutcome.CREATED);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class BulkWaves {
    private BulkWaves() {
    }

    /**
     * Checks the whole source, then submits it wave by wave.
     *
     * @param source   the rows; read twice, from its start each time
     * @param waveSize the most rows per wave, at least 1: the tenant's bulk limit
     * @param submit   runs one bulk call for one wave of rows and returns its report
     * @return the reports of every wave, in file order
     * @throws ImportException          when the file cannot be read as a whole (then nothing was submitted)
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code waveSize} is less than 1
     * @throws NullPointerException     if an argument is null
     */
    public static Report submit(RowSource source, int waveSize, Function<List<InvitationRow>, BulkReport> submit) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(submit, "submit");
        if (waveSize < 1) {
            throw InvitationException.invalidValue("waveSize must be at least 1, was " + waveSize);
        }
        int[] checked = {0};
        source.forEachRow(row -> checked[0]++);
        List<BulkReport> waves = new ArrayList<>();
        List<InvitationRow> wave = new ArrayList<>(Math.min(waveSize, 4096));
        int[] submitted = {0};
        try {
            source.forEachRow(row -> {
                wave.add(Objects.requireNonNull(row, "row"));
                if (wave.size() == waveSize) {
                    waves.add(submitWave(submit, wave, submitted));
                }
            });
        } catch (ImportException e) {
            if (submitted[0] == 0) {
                throw e;
            }
            throw new ImportException(e.code(), e.rowNumber(), e.field(), e.getMessage() + " (the file changed"
                    + " while it was imported: " + submitted[0] + " rows before it were already submitted)", e);
        }
        if (!wave.isEmpty()) {
            waves.add(submitWave(submit, wave, submitted));
        }
        return new Report(waves);
    }

    private static BulkReport submitWave(Function<List<InvitationRow>, BulkReport> submit, List<InvitationRow> wave,
                                         int[] submitted) {
        BulkReport report = Objects.requireNonNull(submit.apply(List.copyOf(wave)), "the wave's report");
        submitted[0] += wave.size();
        wave.clear();
        return report;
    }

    /**
     * The combined result of every wave.
     *
     * @param waves one report per wave, in file order
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public record Report(List<BulkReport> waves) {
        /**
         * Copies the list.
         *
         * @throws NullPointerException if the list or an element is null
         */
        public Report {
            waves = List.copyOf(waves);
        }

        /**
         * Returns every line of every wave, in file order.
         *
         * @return the lines
         */
        public List<BulkReport.Line> lines() {
            List<BulkReport.Line> all = new ArrayList<>();
            waves.forEach(w -> all.addAll(w.lines()));
            return Collections.unmodifiableList(all);
        }

        /**
         * Counts the lines of each outcome over all waves; every outcome is present.
         *
         * @return outcome → number of lines; unmodifiable
         */
        public Map<BulkOutcome, Integer> totals() {
            EnumMap<BulkOutcome, Integer> totals = new EnumMap<>(BulkOutcome.class);
            for (BulkOutcome o : BulkOutcome.values()) {
                totals.put(o, 0);
            }
            waves.forEach(w -> w.totals().forEach((o, n) -> totals.merge(o, n, Integer::sum)));
            return Collections.unmodifiableMap(totals);
        }

        /**
         * Counts the lines with one outcome over all waves.
         *
         * @param outcome the outcome, not {@code null}
         * @return the number of lines
         */
        public int count(BulkOutcome outcome) {
            return waves.stream().mapToInt(w -> w.count(outcome)).sum();
        }

        /**
         * Tells whether any wave wrote anything.
         *
         * @return {@code true} when at least one invitation was created
         */
        public boolean written() {
            return waves.stream().anyMatch(BulkReport::written);
        }
    }
}
