package io.invitations.core.code;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An access code")
class AccessCodeTest {
    private static final String CODE = "7KQ2M-XH9PD";

    @Test
    @DisplayName("uses 32 distinct symbols without the look-alikes I, L, O and U")
    void alphabetIsUnambiguous() {
        Set<Character> symbols = AccessCode.ALPHABET.chars().mapToObj(c -> (char) c).collect(Collectors.toSet());

        assertThat(symbols).hasSize(32).doesNotContain('I', 'L', 'O', 'U');
    }

    @Test
    @DisplayName("has at least 10 symbols carrying at least 50 bits")
    void lengthAndEntropy() {
        double bits = AccessCode.LENGTH * (Math.log(AccessCode.ALPHABET.length()) / Math.log(2));

        assertThat(AccessCode.LENGTH).isGreaterThanOrEqualTo(10);
        assertThat(bits).isGreaterThanOrEqualTo(50.0);
        assertThat(AccessCode.BITS).isEqualTo((int) bits);
    }

    @Test
    @DisplayName("is formatted as two groups of five joined by a dash")
    void formatsInTwoGroups() {
        AccessCode code = AccessCode.parse(CODE).orElseThrow();

        assertThat(code.formatted()).isEqualTo(CODE);
        assertThat(code.value()).isEqualTo("7KQ2MXH9PD");
    }

    @ParameterizedTest(name = "\"{0}\" reads as 7KQ2M-XH9PD")
    @ValueSource(strings = {"7KQ2MXH9PD", "7kq2m-xh9pd", " 7KQ2M XH9PD ", "7-K-Q-2-M-X-H-9-P-D", "7kq2m\txh9pd"})
    @DisplayName("reads what people type: any case, spaces and dashes")
    void normalisesTyping(String typed) {
        assertThat(AccessCode.parse(typed)).contains(AccessCode.parse(CODE).orElseThrow());
    }

    @Test
    @DisplayName("reads the look-alike letters O as zero and I, L as one")
    void mapsLookAlikes() {
        AccessCode canonical = AccessCode.parse("10ABC-DEF01").orElseThrow();

        assertThat(AccessCode.parse("IOABC-DEFO1")).contains(canonical);
        assertThat(AccessCode.parse("loabc-defol")).contains(canonical);
    }

    @ParameterizedTest(name = "\"{0}\" is not a code")
    @NullSource
    @ValueSource(strings = {"", "7KQ2M-XH9P", "7KQ2M-XH9PDD", "7KQ2U-XH9PD", "7KQ2M_XH9PD", "７KQ2M-XH9PD",
            "7KQ2M-XH9P!", "7KQ2M-XH9PD-7KQ2M-XH9PD-7KQ2M-XH9PD-7KQ2M-XH9PD-7KQ2M-XH9PD-7KQ2M-XH9PD"})
    @DisplayName("refuses input that cannot be a code")
    void refusesNonCodes(String typed) {
        assertThat(AccessCode.parse(typed)).isEmpty();
    }

    @Test
    @DisplayName("never shows itself in toString")
    void hidesItself() {
        AccessCode code = AccessCode.parse(CODE).orElseThrow();

        assertThat(code.toString()).doesNotContain("7KQ2M").doesNotContain("XH9PD").contains("hidden");
        assertThat(String.valueOf(java.util.Optional.of(code))).doesNotContain("7KQ2M");
    }

    @Test
    @DisplayName("matches only the same symbols")
    void matchesSameSymbols() {
        AccessCode code = AccessCode.parse(CODE).orElseThrow();

        assertThat(code.matches(AccessCode.parse("7kq2mxh9pd").orElseThrow())).isTrue();
        assertThat(code.matches(AccessCode.parse("7KQ2M-XH9PE").orElseThrow())).isFalse();
        assertThat(code).isEqualTo(AccessCode.parse("7kq2mxh9pd").orElseThrow())
                .hasSameHashCodeAs(AccessCode.parse("7kq2mxh9pd").orElseThrow());
    }
}
