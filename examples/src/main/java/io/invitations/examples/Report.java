package io.invitations.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tour's console report: one header line per step, aligned key/value lines and tables. Plain
 * ASCII, so it reads the same in any terminal encoding.
 */
final class Report {
    private static final int WIDTH = 100;
    private static final String INDENT = "  ";
    private static final int KEY_WIDTH = 18;
    private static final int TOKEN_SHOWN = 10;
    // The token after a link's path segment; only its first characters are printed.
    private static final Pattern LINK_TOKEN = Pattern.compile(
            "(https?://[^\\s,\"]*/(?:join|claim|redeem|j)/[A-Za-z0-9_.~-]{" + TOKEN_SHOWN + "})[A-Za-z0-9_.~=-]+");

    private final PrintStream out;
    private final List<String> steps;
    private int step;

    Report(PrintStream out, List<String> steps) {
        this.out = Objects.requireNonNull(out, "out");
        this.steps = List.copyOf(steps);
    }

    /** Prints the banner that opens the tour. */
    void title(String title, String subtitle) {
        out.println(title);
        out.println(subtitle);
    }

    /** Starts the next step with its one header line: its number and title. */
    void step() {
        String head = heading(step, steps);
        step++;
        out.println();
        out.println(head + "=".repeat(Math.max(3, WIDTH - head.length())));
    }

    /** Prints one aligned key/value line. */
    void kv(String key, Object value) {
        out.println(plain(INDENT + pad(key, KEY_WIDTH) + " " + value));
    }

    /** Prints a free line of text, indented. */
    void line(String text) {
        out.println(plain(INDENT + text));
    }

    /**
     * Returns the header line of a step, without its trailing rule.
     *
     * @param index  the step's index, from 0
     * @param titles every step's title
     */
    static String heading(int index, List<String> titles) {
        return "== " + String.format("%2d/%d", index + 1, titles.size()) + "  " + titles.get(index) + " ";
    }

    /** Prints the closing line. */
    void end(String text) {
        out.println();
        out.println(text);
    }

    /** Starts a table with these column headers. */
    Table table(String... headers) {
        return new Table(headers);
    }

    /**
     * Shortens every claim, join or redeem link in a text: the URL and the first characters of its
     * token stay, the rest becomes "...". The console never shows a whole secret link.
     */
    static String maskLinks(String text) {
        return LINK_TOKEN.matcher(text).replaceAll("$1...");
    }

    /** Dashes as ASCII, so the report reads the same in any terminal encoding. */
    private static String plain(String text) {
        return text.replace('\u2014', '-').replace('\u2013', '-');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** A table printed with every column as wide as its widest cell. */
    final class Table {
        private final String[] headers;
        private final List<String[]> rows = new ArrayList<>();

        private Table(String[] headers) {
            this.headers = headers.clone();
        }

        /** Adds a row; {@code null} cells print empty. */
        Table row(Object... cells) {
            String[] r = new String[headers.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
            }
            rows.add(r);
            return this;
        }

        /** Prints the header, a rule and the rows. */
        void print() {
            int[] widths = Arrays.stream(headers).mapToInt(String::length).toArray();
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
            printRow(headers, widths);
            String[] rule = new String[headers.length];
            for (int i = 0; i < rule.length; i++) {
                rule[i] = "-".repeat(widths[i]);
            }
            printRow(rule, widths);
            rows.forEach(r -> printRow(r, widths));
        }

        private void printRow(String[] cells, int[] widths) {
            StringBuilder b = new StringBuilder(INDENT);
            for (int i = 0; i < cells.length; i++) {
                b.append(i == cells.length - 1 ? cells[i] : pad(cells[i], widths[i]) + "  ");
            }
            out.println(plain(b.toString().stripTrailing()));
        }
    }
}
