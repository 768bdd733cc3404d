package io.invitations.excel.internal;

/** Names taken from a file (entries, sheets, headers), made safe and short for messages. */
final class Names {
    private static final int MAX = 80;

    private Names() {
    }

    /**
     * Drops control characters and cuts long names to 80 characters.
     *
     * @param name the name as found in the file
     * @return the name for a message
     */
    static String shorten(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX ? clean : clean.substring(0, MAX) + "…";
    }
}
