package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.ForkOptions;
import io.invitations.benchmarks.internal.LiveHeapPeak;
import io.invitations.benchmarks.internal.SampleFiles;
import io.invitations.benchmarks.internal.SamplePeople;
import io.invitations.benchmarks.internal.TempDirectory;
import io.invitations.benchmarks.internal.WorkbookReaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Measures how much heap each {@code .xlsx} reader needs for the benchmark workbook (100,000 rows by
 * default): JMH's {@code -prof gc} gives allocation rates, not peaks, so this runs each reader once
 * in a <b>fresh JVM</b> with a hard heap cap ({@code -Xmx64m} by default) and reports:
 * <ul>
 *   <li>PASS or FAIL: whether the reader finished under the cap (FAIL = {@link OutOfMemoryError});
 *       this is the target's check, "fits in 64 MB of heap";</li>
 *   <li>the peak live heap: the largest heap in use right after any garbage collection during the
 *       read, or after a forced one at its end while the result is still held ({@link LiveHeapPeak},
 *       from the JVM's collection notifications). This is the data the reader keeps, without the
 *       garbage it makes along the way; a collector may run less often than that figure suggests,
 *       so the cap is the check and this the explanation. The result's own share is measured by a
 *       last collection after it is dropped;</li>
 *   <li>with {@code --min}, the smallest {@code -Xmx} (to 4 MB, or 1/16 above 64 MB) under which the reader still
 *       finishes, found by bisection: the closest figure to the reader's true need.</li>
 * </ul>
 *
 * <p>Run: {@code java -cp invitations-benchmarks/target/benchmarks.jar io.invitations.benchmarks.HeapProbe
 * [--rows 100000] [--heap 64] [--min] [--readers CSV_FOR_EACH_ROW,XLSX_FOR_EACH_ROW]}: the
 * readers are those of {@link WorkbookReaders}, CSV and nested-bomb ones included. The child JVMs use the JVM's default collector.
 */
public final class HeapProbe {
    private static final String CHILD = "--child";
    private static final long CHILD_TIMEOUT_SECONDS = 600;

    private HeapProbe() {
    }

    /**
     * Runs the probe, or, with {@code --child}, one measured read inside a child JVM.
     *
     * @param args {@code [--rows N] [--heap MB] [--min]}, or {@code --child READER FILE}
     * @throws Exception when a child JVM cannot be started or the files cannot be written
     */
    public static void main(String[] args) throws Exception {
        ForkOptions.applyToThisJvm();
        if (args.length == 3 && args[0].equals(CHILD)) {
            child(WorkbookReaders.valueOf(args[1]), Paths.get(args[2]));
            return;
        }
        int rows = 100_000;
        int heapMb = 64;
        boolean searchMinimum = false;
        Set<WorkbookReaders> chosen = EnumSet.allOf(WorkbookReaders.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--heap" -> heapMb = Integer.parseInt(args[++i]);
                case "--min" -> searchMinimum = true;
                case "--readers" -> {
                    chosen = EnumSet.noneOf(WorkbookReaders.class);
                    for (String name : args[++i].split(",")) {
                        chosen.add(WorkbookReaders.valueOf(name.strip()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use [--rows N] [--heap MB] [--min] [--readers A,B]");
            }
        }
        try (TempDirectory directory = TempDirectory.create("invitations-heap-probe")) {
            Map<WorkbookReaders.Input, Path> files = new EnumMap<>(WorkbookReaders.Input.class);
            int count = rows;
            for (WorkbookReaders reader : chosen) {
                files.computeIfAbsent(reader.input(), input -> input.write(directory.path(), count));
            }
            System.out.printf(Locale.ROOT, "%,d rows; child JVMs: %s, -Xmx%dm%n", rows, javaBinary(), heapMb);
            files.forEach((input, f) -> System.out.printf(Locale.ROOT, "  %s: %,d bytes%n", input, f.toFile().length()));
            for (WorkbookReaders reader : chosen) {
                Path file = files.get(reader.input());
                Outcome outcome = run(reader, file, heapMb);
                System.out.printf(Locale.ROOT, "%-24s -Xmx%dm  %s%n", reader.label(), heapMb, outcome);
                if (searchMinimum) {
                    System.out.printf(Locale.ROOT, "%-24s smallest -Xmx that finishes: %s%n", reader.label(),
                            smallestHeap(reader, file));
                }
            }
        }
    }

    /**
     * Reads once and prints {@code OK <millis> <peakBytes> <collections> <resultBytes> <hash>}; exits 3 on
     * OutOfMemoryError.
     */
    private static void child(WorkbookReaders reader, Path file) throws InterruptedException {
        System.gc();
        try (LiveHeapPeak peak = new LiveHeapPeak()) {
            long start = System.nanoTime();
            Object result = reader.read(file);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            peak.measureNow(); // while the result is still held: it is part of what the reader needs
            long withResult = peak.latest();
            int hash = Objects.hashCode(result);
            result = null;
            peak.measureNow();
            System.out.println("OK " + millis + " " + peak.bytes() + " " + peak.collections() + " "
                    + Math.max(0, withResult - peak.latest()) + " " + hash);
        } catch (OutOfMemoryError e) {
            System.out.println("OOM");
            System.exit(3);
        }
    }

    /** Bisects the smallest heap between 4 MB and 4 GB, to 4 MB or 1/16 of it, whichever is more. */
    private static String smallestHeap(WorkbookReaders reader, Path file) throws IOException, InterruptedException {
        int low = 0;        // known to fail (or nothing below)
        int high = 4096;    // assumed to pass; checked
        if (!run(reader, file, high).passed()) {
            return "more than " + high + " MB";
        }
        while (high - low > Math.max(4, high / 16)) {
            int mid = (low + high) / 2;
            if (run(reader, file, mid).passed()) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high + " MB";
    }

    /**
     * Runs one reader once in a child JVM with the given heap cap.
     *
     * @param reader the reader
     * @param file   the workbook
     * @param heapMb the {@code -Xmx} in MB
     * @return whether it finished, and what it measured
     * @throws IOException          when the child JVM cannot be started
     * @throws InterruptedException when interrupted while waiting for it
     */
    static Outcome run(WorkbookReaders reader, Path file, int heapMb) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx" + heapMb + "m",
                ForkOptions.QUIET_LOGGING_PROVIDERS, ForkOptions.QUIET_LOG4J, "-cp",
                System.getProperty("java.class.path"), HeapProbe.class.getName(), CHILD, reader.name(),
                file.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(false, "FAIL (no result in " + CHILD_TIMEOUT_SECONDS + " s)");
            }
        } finally {
            process.getInputStream().close();
        }
        String[] parts = output.substring(output.lastIndexOf('\n') + 1).split(" ");
        if (process.exitValue() == 0 && parts.length == 6 && parts[0].equals("OK")) {
            return new Outcome(true, String.format(Locale.ROOT, "PASS  read in %,d ms; peak live heap %.1f MB "
                    + "(largest heap in use after any of %s collections), of which the returned result %.1f MB",
                    Long.parseLong(parts[1]), mb(parts[2]), parts[3], mb(parts[4])));
        }
        return new Outcome(false, output.endsWith("OOM") ? "FAIL (OutOfMemoryError)"
                : "FAIL (exit " + process.exitValue() + ": " + output + ")");
    }

    private static double mb(String bytes) {
        return Long.parseLong(bytes) / (1024.0 * 1024.0);
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The result of one child JVM.
     *
     * @param passed whether the reader finished under the cap
     * @param text   what to print
     */
    record Outcome(boolean passed, String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
