package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.SampleFiles;
import io.invitations.benchmarks.internal.SamplePeople;
import io.invitations.benchmarks.internal.WorkbookReaders;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.benchmarks.internal.EmbeddedService;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every benchmark method once on small inputs, so that the build proves the benchmarks still
 * work without running JMH (speed is measured only by JMH, never here).
 */
class BenchmarkSmokeTest {
    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    @DisplayName("creating queues a pending invitation, and the primitives validate, sign and insert")
    void createPairDoesItsWork() {
        CreateBenchmark benchmark = new CreateBenchmark();
        CreateBenchmark.Service service = new CreateBenchmark.Service();
        service.start();
        CreateBenchmark.Floor floor = new CreateBenchmark.Floor();
        floor.start();
        for (int i = 0; i < 3; i++) {
            Invitation created = benchmark.createAndQueue(service);
            assertThat(created.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(created.delivery().lastQueuedAt()).isNotNull();
            assertThat(benchmark.primitives(floor)).isEmpty();
        }
        assertThat(floor.primitives.inserted()).isEqualTo(3);
    }

    @Test
    @DisplayName("accepting (alone, or after inspecting) accepts each prepared invitation; the HMAC floors agree")
    void acceptPairDoesItsWork() {
        AcceptBenchmark benchmark = new AcceptBenchmark();
        AcceptBenchmark.Pending pending = new AcceptBenchmark.Pending();
        pending.invite();
        assertThat(benchmark.accept(pending).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(benchmark.inspectThenAccept(pending, BLACKHOLE).invitation().status())
                .isEqualTo(InvitationStatus.ACCEPTED);
        AcceptBenchmark.Floor floor = new AcceptBenchmark.Floor();
        floor.key();
        byte[] keyedOnce = benchmark.hmac(floor);
        floor.sequence = 0;
        assertThat(benchmark.hmacFreshMac(floor)).hasSize(32).isEqualTo(keyedOnce);
    }

    @Test
    @DisplayName("on embedded PostgreSQL, one batch and row-by-row writes both store every invitation, and the "
            + "facade's bulk and the raw batch insert write every row")
    void jdbcPairStoresEveryInvitation() throws Exception {
        JdbcBulkBenchmark benchmark = new JdbcBulkBenchmark();
        benchmark.commits = "durable";
        benchmark.size = 5;
        benchmark.startDatabase();
        try {
            benchmark.emptyTables();
            WriteBatch batch = benchmark.oneTransaction();
            WriteBatch last = benchmark.rowByRow();
            assertThat(batch.inserts()).hasSize(5);
            assertThat(benchmark.store().find(EmbeddedService.TENANT, batch.inserts().get(4).id())).isPresent();
            assertThat(benchmark.store().find(EmbeddedService.TENANT, last.inserts().get(0).id())).isPresent();
            assertThat(benchmark.store().count(InvitationQuery.builder(EmbeddedService.TENANT).build())).isEqualTo(10);
            assertThat(benchmark.facadeBulk().count(BulkOutcome.CREATED)).isEqualTo(5);
            assertThat(benchmark.rawBatchInsert()).isEqualTo(5);
            assertThat(benchmark.rawInvitationRows()).isEqualTo(5);
            assertThat(benchmark.rawAllRows()).isEqualTo(15);
            assertSameRows(benchmark, "invitation", "contact_value = 'person3@example.com'");
            assertSameRows(benchmark, "invitation_history", "action = 'INVITE'");
            assertSameRows(benchmark, "outbox", "send_number = 1");
        } finally {
            benchmark.stopDatabase();
        }
    }

    /**
     * Asserts that the facade's row and the raw baseline's row matching a condition hold the same values in
     * every column but the generated ones (ids, tenant, batch reference, sequence numbers, times, whose
     * presence must still match).
     */
    private static void assertSameRows(JdbcBulkBenchmark benchmark, String table, String where) throws Exception {
        Set<String> generated = Set.of("id", "tenant_id", "invitation_id", "source_ref", "seq");
        try (Connection c = benchmark.connection(); Statement s = c.createStatement();
                ResultSet facade = s.executeQuery("SELECT * FROM inv_" + table + " WHERE tenant_id LIKE 'bench-bulk-%' AND "
                        + where + " LIMIT 1")) {
            assertThat(facade.next()).as("a row of the facade in " + table).isTrue();
            Map<String, Object> expected = new LinkedHashMap<>();
            for (int i = 1; i <= facade.getMetaData().getColumnCount(); i++) {
                String column = facade.getMetaData().getColumnName(i);
                Object value = facade.getObject(i);
                boolean time = facade.getMetaData().getColumnTypeName(i).startsWith("timestamp");
                if (!generated.contains(column)) {
                    expected.put(column, time ? value != null : value);
                }
            }
            try (Statement s2 = c.createStatement(); ResultSet raw = s2.executeQuery("SELECT * FROM raw_same_"
                    + table.replace("invitation_", "") + " WHERE " + where + " LIMIT 1")) {
                assertThat(raw.next()).as("a row of the raw baseline in " + table).isTrue();
                Map<String, Object> actual = new LinkedHashMap<>();
                for (String column : expected.keySet()) {
                    Object value = raw.getObject(column);
                    actual.put(column, expected.get(column) instanceof Boolean && !(value instanceof Boolean)
                            ? value != null : value);
                }
                assertThat(actual).as("the raw baseline stores the " + table + " row the facade stores")
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("the CSV import and the raw OpenCSV parse read every row of the same generated file")
    void csvPairReadsTheSameRows() throws Exception {
        CsvImportBenchmark benchmark = new CsvImportBenchmark();
        benchmark.rows = 200;
        benchmark.writeFile();
        try {
            assertThat(benchmark.importRows().rows()).hasSize(200)
                    .allSatisfy(row -> assertThat(row.problems()).isEmpty());
            assertThat(benchmark.rawOpenCsv(BLACKHOLE)).isEqualTo(201); // with the header
            assertThat(benchmark.importAndDryRun()).as("every generated row is valid").isEqualTo(200);
        } finally {
            benchmark.deleteFile();
        }
    }

    @Test
    @DisplayName("the streaming .xlsx import and POI's user model read every row of the same generated workbook")
    void xlsxPairReadsTheSameRows() {
        XlsxImportBenchmark benchmark = new XlsxImportBenchmark();
        benchmark.rows = 200;
        benchmark.writeFile();
        try {
            List<InvitationRow> rows = benchmark.streamingImport().rows();
            assertThat(rows).hasSize(200).allSatisfy(row -> assertThat(row.problems()).isEmpty());
            long characters = rows.stream().mapToLong(BenchmarkSmokeTest::characters).sum()
                    + String.join("", SamplePeople.HEADER).length();
            assertThat(benchmark.userModel()).isEqualTo(characters);
        } finally {
            benchmark.deleteFile();
        }
    }

    /** Counts a row's characters as the cells hold them (groups joined by the one comma of the cell). */
    private static long characters(InvitationRow row) {
        return row.email().length() + row.firstName().length() + row.lastName().length() + row.role().length()
                + String.join(",", row.groups()).length();
    }

    @Test
    @DisplayName("the heap probe runs each reader in a child JVM under a heap cap and reports the outcome")
    void heapProbeRunsEachReaderInAChildJvm(@TempDir Path directory) throws Exception {
        for (WorkbookReaders reader : WorkbookReaders.values()) {
            Path file = reader.input().write(directory, 200);
            HeapProbe.Outcome outcome = HeapProbe.run(reader, file, 64);
            assertThat(outcome.passed()).as(reader + ": " + outcome).isTrue();
            assertThat(outcome.text()).startsWith("PASS").contains("peak live heap");
        }
    }
}
