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
    private static final int WIDTH = 110;
    private static final String INDENT = "  ";
    private static final int KEY_WIDTH = 18;
    private static final int MIN_LAST_COLUMN = 30;
    private static final int TOKEN_SHOWN = 10;
    // The token after a link's path segment; only its first characters are printed.
    private static final Pattern LINK_TOKEN = Pattern.compile(
            "(https?://[^\\s,\"]*/(?:join|claim|redeem|j|opt-out)/[A-Za-z0-9_.~-]{" + TOKEN_SHOWN + "})[A-Za-z0-9_.~=-]+");

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

    /** Prints one aligned key/value line; a long value wraps under itself. */
    void kv(String key, Object value) {
        String prefix = INDENT + pad(key, KEY_WIDTH) + " ";
        String text = String.valueOf(value);
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        List<String> lines = wrap(text.stripLeading(), WIDTH - prefix.length() - lead.length());
        out.println(plain(prefix + lead + lines.get(0)));
        String continuation = " ".repeat(prefix.length()) + lead;
        lines.stream().skip(1).forEach(l -> out.println(plain(continuation + l)));
    }

    /**
     * Breaks a text at blanks into lines of at most {@code width} characters; a word longer than
     * that keeps a line of its own.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Prints a free line of text, indented; never wrapped (a CSV record stays one line). */
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

        /** Prints the header, a rule and the rows; a long last cell wraps under itself. */
        void print() {
            int last = headers.length - 1;
            int[] widths = Arrays.stream(headers).mapToInt(String::length).toArray();
            for (String[] r : rows) {
                for (int i = 0; i < last; i++) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
            int used = INDENT.length() + Arrays.stream(widths, 0, last).map(w -> w + 2).sum();
            int room = Math.max(MIN_LAST_COLUMN, WIDTH - used);
            List<String[]> lines = new ArrayList<>();
            for (String[] r : rows) {
                List<String> pieces = wrap(r[last], room);
                lines.add(withLast(r, pieces.get(0)));
                pieces.stream().skip(1).forEach(piece -> lines.add(withLast(new String[r.length], piece)));
            }
            for (String[] l : lines) {
                widths[last] = Math.max(widths[last], l[last].length());
            }
            printRow(headers, widths);
            String[] rule = new String[headers.length];
            for (int i = 0; i < rule.length; i++) {
                rule[i] = "-".repeat(widths[i]);
            }
            printRow(rule, widths);
            lines.forEach(l -> printRow(l, widths));
        }

        private static String[] withLast(String[] row, String last) {
            String[] copy = row.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copy[i] == null ? "" : copy[i];
            }
            copy[copy.length - 1] = last;
            return copy;
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
