package io.invitations.spi.message;

/**
 * HTML escaping of user-supplied values, safe both in element text and in quoted attributes.
 * Not API.
 *
 * @since 0.1.0
 */
final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so that a value can never open a tag, an entity or leave an
     * attribute.
     *
     * @param value the raw value, not {@code null}
     * @return the escaped value
     */
    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
