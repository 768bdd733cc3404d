package io.invitations.jdbc.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Collections stored as JSON text read back exactly")
class JsonTextTest {

    @Test
    @DisplayName("random string sets and maps, with quotes, escapes, controls and non-ASCII, round-trip")
    void randomValuesRoundTrip() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            Set<String> strings = new HashSet<>();
            Map<String, String> map = new HashMap<>();
            int size = random.nextInt(6);
            for (int n = 0; n < size; n++) {
                strings.add(randomText(random));
                map.put(randomText(random), randomText(random));
            }

            assertThat(new HashSet<>(JsonText.readStrings(JsonText.writeStrings(strings))))
                    .as("seed %d", seed).isEqualTo(strings);
            assertThat(JsonText.readMap(JsonText.writeMap(map))).as("seed %d", seed).isEqualTo(map);
        }
    }

    @Test
    @DisplayName("output is sorted, so equal values give equal text")
    void outputIsSorted() {
        assertThat(JsonText.writeStrings(Set.of("b", "a", "c"))).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(JsonText.writeStrings(Set.of())).isEqualTo("[]");
        assertThat(JsonText.writeMap(Map.of())).isEqualTo("{}");
        assertThat(JsonText.readStrings("[]")).isEmpty();
        assertThat(JsonText.readMap("{}")).isEmpty();
        assertThat(JsonText.writeMap(Map.of("z", "1", "a", "\"2\""))).isEqualTo("{\"a\":\"\\\"2\\\"\",\"z\":\"1\"}");
        assertThat(JsonText.readStrings(" [ \"x\" , \"\\u00e9\\/\" ] ")).isEqualTo(List.of("x", "é/"));
    }

    @Test
    @DisplayName("malformed text is refused with the position, never half read")
    void malformedTextIsRefused() {
        for (String bad : List.of("", "[", "[\"a\"", "[\"a\",]", "[1]", "{\"a\"}", "{\"a\":\"1\",\"a\":\"2\"}",
                "[\"\\x\"]", "[\"\\u12\"]", "[] x")) {
            assertThatThrownBy(() -> {
                if (bad.startsWith("{")) {
                    JsonText.readMap(bad);
                } else {
                    JsonText.readStrings(bad);
                }
            }).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at character");
        }
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int n = 0; n < length; n++) {
            s.append(switch (random.nextInt(6)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> "\"\\/{}[],:".charAt(random.nextInt(9));
                case 2 -> (char) (0x80 + random.nextInt(0x3000));
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return s.toString();
    }
}
