package io.invitations.csv;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Large files streamed to a consumer in a small heap: the surefire execution {@code small-heap} in
 * this module's pom runs the classes named {@code *SmallHeapTest} with {@code -Xmx32m}. The files are
 * generated as they are read ({@link Generated}), so the test itself holds none of them.
 */
@DisplayName("CSV, TXT and vCard imports stream 100,000 rows within a 32 MB heap")
class CsvSmallHeapTest {
    private static final int ROWS = 100_000;

    @BeforeAll
    static void smallHeap() {
        long max = Runtime.getRuntime().maxMemory();
        assumeTrue(max <= 40L * 1024 * 1024,
                "runs in the 'small-heap' surefire execution (-Xmx32m); this JVM allows " + max + " bytes");
    }

    /** A text produced line by line: line 0 is the header (when given), then one line per row. */
    static final class Generated extends InputStream {
        private final String header;
        private final java.util.function.IntFunction<String> line;
        private final int lines;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        Generated(String header, int lines, java.util.function.IntFunction<String> line) {
            this.header = header;
            this.lines = lines;
            this.line = line;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (position == current.length) {
                if (next > lines) {
                    return -1;
                }
                String text = next == 0 ? header : line.apply(next);
                next++;
                current = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }

    static InputStream csv(int rows) {
        return new Generated("\uFEFFemail,first name,last name,role,groups\r\n", rows,
                i -> "person" + i + "@example.com,Given" + i + ",Family" + i + ",member,\"sales;north\"\r\n");
    }

    @Test
    @DisplayName("a 100,000-row CSV (about 7 MB) is counted row by row; numbers and cells are right")
    void csv100k() {
        AtomicInteger count = new AtomicInteger();
        InvitationRow[] last = new InvitationRow[1];

        ImportSummary summary = CsvImporter.forEachRow(csv(ROWS), CsvImportOptions.defaults(), row -> {
            count.incrementAndGet();
            last[0] = row;
        });

        assertThat(summary.rows()).isEqualTo(ROWS);
        assertThat(count).hasValue(ROWS);
        assertThat(last[0].rowNumber()).isEqualTo(ROWS + 1);
        assertThat(last[0].email()).isEqualTo("person" + ROWS + "@example.com");
        assertThat(last[0].problems()).isEmpty();
    }

    @Test
    @DisplayName("one row past the limit is refused by the streaming call too, naming the row")
    void csvOverLimit() {
        assertThatThrownBy(() -> CsvImporter.forEachRow(csv(ImportLimits.DEFAULT_MAX_ROWS + 1),
                CsvImportOptions.defaults(), row -> { }))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.rowNumber()).isEqualTo(ImportLimits.DEFAULT_MAX_ROWS + 2));
    }

    @Test
    @DisplayName("a 100,000-address TXT list and 100,000 vCards are streamed too")
    void textAndVCards() {
        AtomicInteger count = new AtomicInteger();
        TextImporter.forEachRow(new Generated(null, ROWS, i -> "person" + i + "@example.com\n"),
                StandardCharsets.UTF_8, ImportLimits.defaults(), row -> count.incrementAndGet());
        assertThat(count).hasValue(ROWS);

        count.set(0);
        VCardImporter.forEachRow(new Generated(null, ROWS, i -> "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Family" + i + ";Given"
                + i + ";;;\r\nEMAIL:person" + i + "@example.com\r\nEND:VCARD\r\n"), VCardImportOptions.defaults(),
                row -> count.incrementAndGet());
        assertThat(count).hasValue(ROWS);
    }
}
