package io.invitations.csv.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses LDIF that would make the parser read other files. RFC 2849 lets a value be given by URL
 * ({@code jpegPhoto:< file:///...}), and the UnboundID reader honours {@code file:} URLs: an upload
 * could copy any file the server can read into an invitation. Every line is checked as the reader
 * would see it (lines end at CR, LF or CRLF; a line starting with a space continues the previous
 * one), and also line by line, so a folded or oddly spaced URL value cannot slip through.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class LdifSafety {
    private LdifSafety() {
    }

    /**
     * Checks that no value is given by URL.
     *
     * @param text the whole LDIF text
     * @throws ImportException with {@link ErrorCode#IMPORT_UNSAFE}, naming the line
     */
    public static void requireNoUrlValues(String text) {
        List<String> physical = text.lines().toList();
        List<String> logical = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            String line = physical.get(i);
            if (line.startsWith(" ") && !logical.isEmpty()) {
                logical.set(logical.size() - 1, logical.get(logical.size() - 1) + line.substring(1));
            } else {
                logical.add(line);
                starts.add(i + 1);
            }
            if (hasUrlValue(line.stripLeading())) {
                throw refused(i + 1);
            }
        }
        for (int k = 0; k < logical.size(); k++) {
            if (hasUrlValue(logical.get(k))) {
                throw refused(starts.get(k));
            }
        }
    }

    private static boolean hasUrlValue(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return false;
        }
        if (line.startsWith("<", colon + 1)) {
            return true;
        }
        // a control line may carry its value by URL after the OID and criticality
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        return name.equals("control") && line.indexOf(":<", colon + 1) >= 0;
    }

    private static ImportException refused(int line) {
        return new ImportException(ErrorCode.IMPORT_UNSAFE, 0, null, "line " + line + " gives a value by URL (':<'), "
                + "which would read another file; write the value inline, or base64-encode it after '::'");
    }
}
