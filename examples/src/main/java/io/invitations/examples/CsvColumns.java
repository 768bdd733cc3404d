package io.invitations.examples;

import java.util.ArrayList;
import java.util.List;

/** Picks columns out of RFC 4180 lines, so the console shows a narrow view of a wide export. */
final class CsvColumns {
    private CsvColumns() {
    }

    /** Returns where each wanted header sits in the header line. */
    static List<Integer> indexesOf(String headerLine, List<String> wanted) {
        List<String> headers = cells(headerLine);
        List<Integer> indexes = new ArrayList<>();
        for (String w : wanted) {
            int i = headers.indexOf(w);
            if (i < 0) {
                throw new IllegalArgumentException("no column '" + w + "' in " + headers);
            }
            indexes.add(i);
        }
        return indexes;
    }

    /** Returns the line with only the given columns, in that order. */
    static String select(String line, List<Integer> indexes) {
        List<String> cells = cells(line);
        List<String> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(i < cells.size() ? quote(cells.get(i)) : "");
        }
        return String.join(",", out);
    }

    /** Splits one line (no line breaks inside quotes) into its unquoted cells. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
