package io.invitations.jdbc.internal;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes and reads the two JSON shapes the schema stores in text columns: an array of strings
 * (groups, allowed domains) and an object of string values (grant metadata). Output is sorted, so
 * equal values give equal text. Plain JSON, so hosts can read the columns with their database's
 * JSON functions; no library needed.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class JsonText {
    private JsonText() {
    }

    /**
     * Writes strings as a JSON array, sorted.
     *
     * @param values the strings, none {@code null}
     * @return the JSON text, e.g. {@code ["a","b"]}
     */
    public static String writeStrings(Collection<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[");
        for (String v : new TreeSet<>(values)) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(v, out);
        }
        return out.append(']').toString();
    }

    /**
     * Writes a map as a JSON object, keys sorted.
     *
     * @param values the map, no {@code null} key or value
     * @return the JSON text, e.g. {@code {"a":"1"}}
     */
    public static String writeMap(Map<String, String> values) {
        if (values.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(e.getKey(), out);
            out.append(':');
            quote(e.getValue(), out);
        }
        return out.append('}').toString();
    }

    /**
     * Reads a JSON array of strings.
     *
     * @param json the text
     * @return the strings, in order
     * @throws IllegalArgumentException if the text is not an array of strings
     */
    public static List<String> readStrings(String json) {
        Reader r = new Reader(json);
        List<String> values = new ArrayList<>();
        r.expect('[');
        if (!r.skipIf(']')) {
            do {
                values.add(r.string());
            } while (r.skipIf(','));
            r.expect(']');
        }
        r.end();
        return values;
    }

    /**
     * Reads a JSON object of string values.
     *
     * @param json the text
     * @return the map, in the text's order
     * @throws IllegalArgumentException if the text is not an object of strings or repeats a key
     */
    public static Map<String, String> readMap(String json) {
        Reader r = new Reader(json);
        Map<String, String> values = new LinkedHashMap<>();
        r.expect('{');
        if (!r.skipIf('}')) {
            do {
                String key = r.string();
                r.expect(':');
                if (values.put(key, r.string()) != null) {
                    throw r.error("repeated key");
                }
            } while (r.skipIf(','));
            r.expect('}');
        }
        r.end();
        return values;
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A cursor over JSON text. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        void expect(char c) {
            if (!skipIf(c)) {
                throw error("expected '" + c + "'");
            }
        }

        boolean skipIf(char c) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void end() {
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the value");
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> out.append(unicode());
                    default -> throw error("unknown escape '\\" + e + "'");
                }
            }
            throw error("unterminated string");
        }

        private char unicode() {
            if (pos + 4 > text.length()) {
                throw error("short \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                pos += 4;
                return c;
            } catch (NumberFormatException e) {
                throw error("bad \\u escape");
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed JSON text at character " + pos + ": " + what);
        }
    }
}
