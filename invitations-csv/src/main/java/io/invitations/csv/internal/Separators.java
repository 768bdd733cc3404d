package io.invitations.csv.internal;

import org.apiguardian.api.API;

/**
 * Detects the separator of a CSV file from its header line: the one of comma, semicolon and tab
 * that occurs most often outside quotes (ties go to comma, then semicolon). Blank lines before the
 * header are skipped; a quoted newline inside the header does not end it.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Separators {
    private static final char[] CANDIDATES = {',', ';', '\t'};

    private Separators() {
    }

    /**
     * Detects the separator.
     *
     * @param text the whole file
     * @return {@code ','}, {@code ';'} or {@code '\t'}; {@code ','} when the header has none
     */
    public static char detect(String text) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                content = true;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (content) {
                    break;
                }
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
                content |= !Character.isWhitespace(c) || c == '\t';
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
