package io.invitations.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time one operation of {@link JdbcBulkBenchmark} costs, on both sides of the wire: the
 * calling thread, the whole JVM, and the embedded PostgreSQL server with its backends (read from
 * {@code /proc}, so Linux only). On a machine shared with other work, wall-clock times swing with the
 * load, while CPU per operation does not: this is the load-insensitive companion of the JMH pair.
 * Not JMH; run it as a {@code main}:
 *
 * <pre>{@code
 * java -cp invitations-benchmarks/target/benchmarks.jar io.invitations.benchmarks.BulkCpuProbe relaxed 40
 * }</pre>
 *
 * <p>Arguments: the commit mode ({@code durable} or {@code relaxed}, as {@link JdbcBulkBenchmark#commits}),
 * how many operations each of {@code facadeBulk}, {@code rawBatchInsert}, {@code rawInvitationRows},
 * {@code rawAllRows} and {@code oneTransaction}
 * runs per round, optionally how many rounds (default 2) and how the driver sends batches ({@code plain}
 * or {@code rewritten}, as {@link JdbcBulkBenchmark#batching}; default {@code plain}); the first round warms up, every later
 * one is printed (more rounds let the JIT settle, so the JVM's CPU is less a matter of compiling).
 */
public final class BulkCpuProbe {
    private static final double MS_PER_TICK = 10.0;

    private BulkCpuProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args commit mode, then operations per round
     * @throws IOException  when PostgreSQL cannot start or {@code /proc} cannot be read
     * @throws SQLException when a statement fails
     */
    public static void main(String[] args) throws IOException, SQLException {
        JdbcBulkBenchmark bench = new JdbcBulkBenchmark();
        bench.commits = args.length > 0 ? args[0] : "relaxed";
        bench.size = 500;
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        bench.batching = args.length > 3 ? args[3] : "plain";
        bench.startDatabase();
        try {
            long postmaster = postmasterPid();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < rounds; round++) {
                for (String which : List.of("facadeBulk", "rawBatchInsert", "rawInvitationRows", "rawAllRows",
                        "oneTransaction")) {
                    bench.emptyTables();
                    long pg = serverTicks(postmaster);
                    long jvm = os.getProcessCpuTime();
                    long caller = threads.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    for (int n = 0; n < operations; n++) {
                        switch (which) {
                            case "facadeBulk" -> bench.facadeBulk();
                            case "rawBatchInsert" -> bench.rawBatchInsert();
                            case "rawInvitationRows" -> bench.rawInvitationRows();
                            case "rawAllRows" -> bench.rawAllRows();
                            default -> bench.oneTransaction();
                        }
                    }
                    double perOp = 1e6 * operations;
                    double wallMs = (System.nanoTime() - wall) / perOp;
                    double callerMs = (threads.getCurrentThreadCpuTime() - caller) / perOp;
                    double jvmMs = (os.getProcessCpuTime() - jvm) / perOp;
                    double pgMs = (serverTicks(postmaster) - pg) * MS_PER_TICK / operations;
                    if (round > 0) {
                        System.out.printf("%-17s per op: wall %7.1f ms, calling thread CPU %6.1f ms, JVM CPU %6.1f ms,"
                                + " PostgreSQL CPU %6.1f ms, CPU in all %6.1f ms%n", which, wallMs, callerMs, jvmMs,
                                pgMs, jvmMs + pgMs);
                    }
                }
            }
        } finally {
            bench.stopDatabase();
        }
    }

    /** The pid in the newest {@code postmaster.pid} under the temporary directory: the server just started. */
    private static long postmasterPid() throws IOException {
        long pid = -1;
        long newest = 0;
        try (Stream<Path> files = Files.walk(Paths.get(System.getProperty("java.io.tmpdir")), 3)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().equals("postmaster.pid"))
                    ::iterator) {
                long modified = Files.getLastModifiedTime(p).toMillis();
                if (modified > newest) {
                    newest = modified;
                    pid = Long.parseLong(Files.readAllLines(p).get(0).trim());
                }
            }
        }
        if (pid < 0) {
            throw new IOException("no postmaster.pid under " + System.getProperty("java.io.tmpdir"));
        }
        return pid;
    }

    /** User and system clock ticks of a process and all its descendants (the server's backends). */
    private static long serverTicks(long root) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Paths.get("/proc"),
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                String stat;
                try {
                    stat = Files.readString(proc.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(proc.getFileName().toString());
                children.computeIfAbsent(Long.parseLong(fields[1]), k -> new ArrayList<>()).add(pid);
                ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        }
        long sum = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            sum += ticks.getOrDefault(pid, 0L);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return sum;
    }
}
