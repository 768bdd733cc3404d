package io.invitations.csv;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded fuzzing: thousands of random and mutated files per format must either import or be refused
 * with an {@link ImportException}; nothing else may escape. Reproduce a failure with the printed case
 * seed: {@code -Dfuzz.case=<seed>}; change the run with {@code -Dfuzz.seed} and {@code -Dfuzz.cases}.
 */
@DisplayName("Importers under fuzzing")
class ImportFuzzTest {
    private static final long MASTER_SEED = Long.getLong("fuzz.seed", 0x1D1E_5EEDL);
    private static final int CASES = Integer.getInteger("fuzz.cases", 1_000);
    private static final Long ONLY_CASE = Long.getLong("fuzz.case");
    private static final ImportLimits SMALL = ImportLimits.of(8 * 1024, 25);
    private static final EnumSet<ErrorCode> IMPORT_CODES =
            EnumSet.of(ErrorCode.IMPORT_INVALID_FILE, ErrorCode.IMPORT_LIMIT_EXCEEDED, ErrorCode.IMPORT_UNSAFE);

    enum Format {
        CSV(in -> CsvImporter.read(in, CsvImportOptions.builder().limits(SMALL).build()),
                (in, rows) -> CsvImporter.forEachRow(in, CsvImportOptions.builder().limits(SMALL).build(), rows),
                List.of("excel-fr-semicolon-bom-crlf.csv", "google-contacts.csv", "outlook-contacts-windows1252.csv",
                        "excel-de-unicode-text.txt"),
                List.of("\"", ",", ";", "\t", "\r\n", "\n", "\r", "\"\"", "'=", "'+", "email", "first name,groups",
                        "a@x.io", "\uFEFF", "\u0000", "é")),
        TXT(in -> TextImporter.read(in, StandardCharsets.UTF_8, SMALL),
                (in, rows) -> TextImporter.forEachRow(in, StandardCharsets.UTF_8, SMALL, rows),
                List.of("addresses.txt"),
                List.of("\n", "\r\n", "\r", " ", "a@x.io", "A@X.IO", "\uFEFF", "\u0000", "\u2028", "é")),
        VCARD(in -> VCardImporter.read(in, VCardImportOptions.defaults().withPhoneAsIdentifier(true).withLimits(SMALL)),
                (in, rows) -> VCardImporter.forEachRow(in,
                        VCardImportOptions.defaults().withPhoneAsIdentifier(true).withLimits(SMALL), rows),
                List.of("ios-contacts.vcf", "android-contacts.vcf", "outlook-contact.vcf", "contacts-v4.vcf"),
                List.of("BEGIN:VCARD\r\n", "END:VCARD\r\n", "VERSION:2.1\r\n", "VERSION:4.0\r\n", "EMAIL;PREF=",
                        "EMAIL;TYPE=pref:", "TEL;VALUE=uri:tel:", "N:;;;;", "FN:", ";ENCODING=QUOTED-PRINTABLE:",
                        "=C3=", "=\r\n", "item1.", "AGENT:", ";CHARSET=", ":", ";", "\\", "^", "\r\n ", "BDAY:",
                        "PREF=x", "\u0000")),
        LDIF(in -> LdifImporter.read(in, SMALL), (in, rows) -> LdifImporter.forEachRow(in, SMALL, rows),
                List.of("people.ldif"),
                List.of("dn: ", "dn:: ", "mail: ", "mail:: ", "::", ":<", ": <", "changetype: add\n",
                        "changetype: modify\n", "-\n", "\n ", "\n\n", "version: 1\n", "control: 1.2 true",
                        "objectClass: person\n", "employeeNumber: ", "#", "cn:: ", "\r", "=", "\u0000"));

        private final Function<ByteArrayInputStream, ImportResult> importer;
        private final BiFunction<ByteArrayInputStream, Consumer<InvitationRow>, ImportSummary> streaming;
        private final List<byte[]> samples;
        private final List<byte[]> tokens;

        Format(Function<ByteArrayInputStream, ImportResult> importer,
               BiFunction<ByteArrayInputStream, Consumer<InvitationRow>, ImportSummary> streaming, List<String> samples,
               List<String> tokens) {
            this.importer = importer;
            this.streaming = streaming;
            this.samples = samples.stream().map(TestFiles::bytes).toList();
            this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("random and mutated files import or are refused with an ImportException, nothing else")
    void neverEscapesUntyped(Format format) {
        Random master = new Random(MASTER_SEED + format.ordinal());
        int imported = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = ONLY_CASE != null ? ONLY_CASE : master.nextLong();
            byte[] input = generate(format, new Random(seed));
            try {
                // every other case through the streaming call, which must behave the same
                ImportResult result = i % 2 == 0 ? format.importer.apply(new ByteArrayInputStream(input))
                        : streamed(format, input);
                checkResult(result);
                imported++;
            } catch (ImportException e) {
                assertThat(e.code()).as("code, case seed %d", seed).isIn(IMPORT_CODES);
                assertThat(e.getMessage()).as("message, case seed %d", seed).isNotBlank();
                assertThat(e.rowNumber()).as("row, case seed %d", seed).isNotNegative();
                refused++;
            } catch (Throwable t) {
                fail("%s case %d escaped untyped; reproduce with -Dfuzz.seed=%d or -Dfuzz.case=%d; input: %s",
                        format, i, MASTER_SEED, seed, escape(input), t);
            }
            if (ONLY_CASE != null) {
                break;
            }
        }
        System.out.printf("%s fuzzing, master seed %d: %d imported, %d refused%n", format, MASTER_SEED, imported,
                refused);
        // both outcomes must occur, or the generator is not exercising the importer
        if (ONLY_CASE == null) {
            assertThat(imported).as("files that imported").isPositive();
            assertThat(refused).as("files that were refused").isPositive();
        }
    }

    private static ImportResult streamed(Format format, byte[] input) {
        List<InvitationRow> rows = new ArrayList<>();
        ImportSummary summary = format.streaming.apply(new ByteArrayInputStream(input), rows::add);
        assertThat(summary.rows()).isEqualTo(rows.size());
        return new ImportResult(rows, summary.warnings());
    }

    private static void checkResult(ImportResult result) {
        assertThat(result.rows()).isNotEmpty();
        int previous = 0;
        for (InvitationRow row : result.rows()) {
            assertThat(row.rowNumber()).isGreaterThan(previous);
            previous = row.rowNumber();
        }
        assertThat(result.rows()).hasSizeLessThanOrEqualTo(SMALL.maxRows());
    }

    private static byte[] generate(Format format, Random random) {
        byte[] data;
        if (random.nextInt(5) == 0) {
            data = noise(format, random);
        } else {
            data = format.samples.get(random.nextInt(format.samples.size()));
            int mutations = 1 + random.nextInt(8);
            for (int m = 0; m < mutations; m++) {
                data = mutate(format, data, random);
            }
        }
        // most cases are made valid UTF-8 so that they reach the parser rather than the decoder
        return random.nextInt(4) == 0 ? data
                : new String(data, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes from the format's tokens and random bytes. */
    private static byte[] noise(Format format, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = random.nextInt(60);
        for (int p = 0; p < parts; p++) {
            if (random.nextBoolean()) {
                out.writeBytes(format.tokens.get(random.nextInt(format.tokens.size())));
            } else {
                byte[] junk = new byte[1 + random.nextInt(6)];
                random.nextBytes(junk);
                out.writeBytes(random.nextInt(3) == 0 ? junk : ascii(junk));
            }
        }
        return out.toByteArray();
    }

    private static byte[] mutate(Format format, byte[] data, Random random) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        switch (random.nextInt(7)) {
            case 0: // flip a byte
                if (data.length > 0) {
                    byte[] copy = data.clone();
                    copy[Math.min(at, data.length - 1)] ^= (byte) (1 << random.nextInt(8));
                    return copy;
                }
                return data;
            case 1: // insert a token
                return splice(data, at, at, format.tokens.get(random.nextInt(format.tokens.size())));
            case 2: { // delete a range
                int end = Math.min(data.length, at + random.nextInt(40));
                return splice(data, at, end, new byte[0]);
            }
            case 3: { // duplicate a range
                int end = Math.min(data.length, at + random.nextInt(200));
                return splice(data, at, at, Arrays.copyOfRange(data, at, end));
            }
            case 4: // truncate
                return Arrays.copyOf(data, at);
            case 5: { // random bytes
                byte[] junk = new byte[1 + random.nextInt(8)];
                random.nextBytes(junk);
                return splice(data, at, at, junk);
            }
            default: { // repeat the whole file, to meet the row limit
                byte[] twice = Arrays.copyOf(data, data.length * 2);
                System.arraycopy(data, 0, twice, data.length, data.length);
                return twice.length > 3 * SMALL.maxBytes() ? data : twice;
            }
        }
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }

    private static byte[] ascii(byte[] junk) {
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (32 + Math.floorMod(junk[i], 95));
        }
        return junk;
    }

    private static String escape(byte[] input) {
        List<String> parts = new ArrayList<>();
        for (byte b : input) {
            parts.add(b >= 32 && b < 127 && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return String.join("", parts);
    }
}
