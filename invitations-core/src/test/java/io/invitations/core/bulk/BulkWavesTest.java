package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.invitations.core.bulk.BulkFixture.ACME;
import static io.invitations.core.bulk.BulkFixture.ADMIN;
import static io.invitations.core.bulk.BulkFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("BulkWaves: a row source submitted in waves of the bulk limit")
class BulkWavesTest {
    private final BulkFixture f = new BulkFixture();
    private final AtomicInteger reads = new AtomicInteger();
    private final List<Integer> waveSizes = new ArrayList<>();

    /** Rows 2..n+1 produced one at a time, as a streaming importer hands them over. */
    private RowSource source(int n, int failAtRow) {
        return consumer -> {
            reads.incrementAndGet();
            for (int i = 1; i <= n; i++) {
                if (i + 1 == failAtRow) {
                    throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, failAtRow, null, "a quoted cell is never"
                            + " closed");
                }
                consumer.accept(row(i + 1, "person" + i + "@example.com"));
            }
        };
    }

    private BulkReport submit(List<InvitationRow> rows) {
        waveSizes.add(rows.size());
        return f.service.administration(ADMIN, ACME).bulk(BulkRequest.builder(rows).defaultRole("member").build());
    }

    @Test
    @DisplayName("1,203 rows go in three waves (500, 500, 203), one write each, with one combined report")
    void waves() {
        BulkWaves.Report report = BulkWaves.submit(source(1_203, -1), 500, this::submit);

        assertThat(waveSizes).containsExactly(500, 500, 203);
        assertThat(report.waves()).hasSize(3);
        assertThat(report.count(BulkOutcome.CREATED)).isEqualTo(1_203);
        assertThat(report.totals().get(BulkOutcome.CREATED)).isEqualTo(1_203);
        assertThat(report.lines()).extracting(BulkReport.Line::rowNumber).startsWith(2, 3).endsWith(1_204);
        assertThat(report.written()).isTrue();
        assertThat(f.store.writeCalls()).isEqualTo(3);
        assertThat(reads).hasValue(2);
    }

    @Test
    @DisplayName("a file that breaks at row 700 is refused before the first wave is written")
    void brokenFileWritesNothing() {
        assertThatThrownBy(() -> BulkWaves.submit(source(1_203, 700), 500, this::submit))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.rowNumber()).isEqualTo(700));

        assertThat(waveSizes).isEmpty();
        assertThat(f.store.writeCalls()).isZero();
        assertThat(f.events).isEmpty();
    }

    @Test
    @DisplayName("a wave size below 1 is refused")
    void waveSize() {
        assertThatThrownBy(() -> BulkWaves.submit(source(1, -1), 0, this::submit))
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("waveSize");
    }
}
