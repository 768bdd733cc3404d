package io.invitations.jdbc.internal;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The array texts {@link Params#columns} collects for PostgreSQL's {@code unnest}: instants (whose
 * text a column reuses while rows repeat one), texts with quotes and backslashes, nulls and numbers.
 */
class ParamsColumnsTest {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void aRepeatedInstantGivesTheTextAFreshOneGives() throws SQLException {
        Instant t1 = Instant.parse("2026-03-02T09:15:30.123456789Z");
        Instant t2 = Instant.parse("2026-03-02T09:15:30.123457Z");
        Instant early = Instant.parse("0999-01-02T03:04:05Z");
        Params p = Params.columns(2, 6);
        Instant[] column = {t1, t1, t2, null, t1, early};
        for (Instant t : column) {
            p.instant(t).instant(t1);
        }
        assertEquals("{2026-03-02T09:15:30.123456Z,2026-03-02T09:15:30.123456Z,2026-03-02T09:15:30.123457Z,NULL,"
                + "2026-03-02T09:15:30.123456Z,0999-01-02T03:04:05.000000Z}", p.column(0));
        assertEquals("timestamptz", p.type(0));
        for (Instant t : column) {
            if (t != null) {
                assertEquals(MICROS.format(t.truncatedTo(ChronoUnit.MICROS)), Params.arrayInstant(t));
            }
        }
        assertEquals(6, p.column(1).split(",").length);
        // reading a column twice gives the same text
        assertEquals(p.column(0), p.column(0));
    }

    @Test
    void aLongFirstValueDoesNotReserveItsLengthForEveryRow() throws SQLException {
        int rows = 1_000;
        Params p = Params.columns(1, rows);
        String longFirst = "x".repeat(10_000);
        p.text(longFirst);
        int bound = 2 + rows * (Params.MAX_ELEMENT_ESTIMATE + 1);
        org.junit.jupiter.api.Assertions.assertTrue(p.reserved(0) <= bound,
                "reserved " + p.reserved(0) + " characters, at most " + bound + " expected");
        for (int n = 1; n < rows; n++) {
            p.text("short" + n);
        }
        org.junit.jupiter.api.Assertions.assertTrue(p.column(0).startsWith("{\"" + longFirst + "\",\"short1\","));
        assertEquals(rows, p.column(0).split(",").length);
    }

    @Test
    void textsAreQuotedAndEscapedNextToNullsAndNumbers() throws SQLException {
        Params p = Params.columns(4, 3);
        p.text("plain").integer(7).number(-3L).flag(true);
        p.text("say \"hi\" \\ back\\slash").integer((Integer) null).number(Long.MAX_VALUE).flag(false);
        p.text(null).integer(Integer.MIN_VALUE).number(0).flag(true);
        assertEquals("{\"plain\",\"say \\\"hi\\\" \\\\ back\\\\slash\",NULL}", p.column(0));
        assertEquals("{7,NULL,-2147483648}", p.column(1));
        assertEquals("{-3,9223372036854775807,0}", p.column(2));
        assertEquals("{t,f,t}", p.column(3));
        assertEquals(List.of("varchar", "int4", "int8", "bool"), List.of(p.type(0), p.type(1), p.type(2), p.type(3)));
    }

    @Test
    void randomRowsMatchAPlainRendering() throws SQLException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        Instant[] pool = {base, base.plusNanos(999), base.plusNanos(1000), base.plusSeconds(86_400 * 400L), null};
        String alphabet = "ab\"\\ ,{}é\u00a0";
        for (int round = 0; round < 200; round++) {
            int rows = 1 + random.nextInt(20);
            Params p = Params.columns(2, rows);
            List<String> instants = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                Instant t = pool[random.nextInt(pool.length)];
                String text = null;
                if (random.nextInt(5) > 0) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = random.nextInt(40); k > 0; k--) {
                        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    text = sb.toString();
                }
                p.instant(t).text(text);
                instants.add(t == null ? "NULL" : MICROS.format(t.truncatedTo(ChronoUnit.MICROS)));
                texts.add(text == null ? "NULL"
                        : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
            assertEquals("{" + String.join(",", instants) + "}", p.column(0), "seed " + seed);
            assertEquals("{" + String.join(",", texts) + "}", p.column(1), "seed " + seed);
        }
    }
}
