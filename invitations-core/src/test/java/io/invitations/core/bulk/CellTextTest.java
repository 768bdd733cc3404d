package io.invitations.core.bulk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("CellText")
class CellTextTest {
    private static final String ALPHABET = "'=+-@\t\r\nab 1\",;";

    @ParameterizedTest(name = "[{index}] a cell starting with {0} gets a quote")
    @ValueSource(strings = {"=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "'=x", "''+x"})
    @DisplayName("formula triggers, also behind quotes, get one more leading quote")
    void triggers(String value) {
        assertThat(CellText.neutralize(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest(name = "[{index}] {0} stays as it is")
    @ValueSource(strings = {"Ana", "a=b", " =x", "'quoted", "'", "''", "x@y.z"})
    @DisplayName("other text is left alone, both ways")
    void harmless(String value) {
        assertThat(CellText.neutralize(value)).isEqualTo(value);
        assertThat(CellText.restore(value)).isEqualTo(value);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Smith;=1+1", "Smith,=1+1", "Smith\t=1+1", "a;'=b", "x;-1", "a,@SUM(A1)"})
    @DisplayName("a trigger after a comma, semicolon or tab inside the cell gets a quote too (Excel in a ';' locale)")
    void triggersInside(String value) {
        String safe = CellText.neutralize(value);

        assertThat(safe.split("[,;\t]", -1)).allSatisfy(piece -> assertThat(piece).doesNotMatch("(?s)^[=+\\-@\r\n].*"));
        assertThat(CellText.restore(safe)).isEqualTo(value);
    }

    @Test
    @DisplayName("Smith;=1+1 is written as Smith;'=1+1")
    void smith() {
        assertThat(CellText.neutralize("Smith;=1+1")).isEqualTo("Smith;'=1+1");
        assertThat(CellText.neutralize("a,b;c")).isEqualTo("a,b;c");
    }

    @Test
    @DisplayName("null and empty cells")
    void empty() {
        assertThat(CellText.neutralize(null)).isEmpty();
        assertThat(CellText.neutralize("")).isEmpty();
        assertThat(CellText.restore(null)).isNull();
        assertThat(CellText.restore("")).isEmpty();
    }

    @Test
    @DisplayName("restore undoes neutralize for every string, and neutralised text never starts with a trigger")
    void roundTrip() {
        long seed = 0xCE11L;
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(8);
            for (int k = 0; k < length; k++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String value = s.toString();
            String safe = CellText.neutralize(value);
            assertThat(CellText.restore(safe)).as("seed %d, case %d: %s", seed, i, value).isEqualTo(value);
            assertThat(safe).as("seed %d, case %d", seed, i).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")
                    .doesNotStartWith("\n");
            for (String piece : safe.split("[,;\t]", -1)) {
                assertThat(piece).as("seed %d, case %d: %s", seed, i, value).doesNotMatch("(?s)^[=+\\-@\r\n].*");
            }
        }
    }
}
