package io.invitations.core.bulk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of an import, as read from a file, before validation: raw text per field. File importers
 * (CSV, TXT, vCard, LDIF, Excel) produce these; the bulk engine validates them and reports per row.
 *
 * @param rowNumber      the row's number as the user sees it in the file (1-based, header included
 *                       for tabular files), at least 1
 * @param email          the email cell, or {@code null}
 * @param firstName      the first-name cell, or {@code null}
 * @param lastName       the last-name cell, or {@code null}
 * @param role           the role cell, or {@code null} (the bulk call's default role applies)
 * @param groups         groups or teams, already split; possibly empty
 * @param membershipType the membership-type cell (member/guest in en, fr or de), or {@code null}
 * @param identifierKind the identifier-kind cell, or {@code null}
 * @param identifier     the identifier cell, or {@code null}
 * @param language       the language cell, or {@code null}
 * @param message        the personal-message cell, or {@code null}
 * @param metadata       unknown columns kept as metadata (header → value); possibly empty
 * @param problems       problems found while reading (e.g. a number in the email column); possibly empty
 * @since 0.1.0
 */
public record InvitationRow(int rowNumber, String email, String firstName, String lastName, String role,
                            List<String> groups, String membershipType, String identifierKind, String identifier,
                            String language, String message, Map<String, String> metadata,
                            List<RowProblem> problems) {
    /**
     * Validates the row; blank cells become {@code null}.
     *
     * @throws IllegalArgumentException if {@code rowNumber} is below 1
     * @throws NullPointerException     if a list or map is null
     */
    public InvitationRow {
        if (rowNumber < 1) {
            throw new IllegalArgumentException("rowNumber starts at 1");
        }
        email = clean(email);
        firstName = clean(firstName);
        lastName = clean(lastName);
        role = clean(role);
        groups = cleanGroups(groups);
        membershipType = clean(membershipType);
        identifierKind = clean(identifierKind);
        identifier = clean(identifier);
        language = clean(language);
        message = message == null || message.isBlank() ? null : message;
        metadata = Map.copyOf(metadata);
        problems = List.copyOf(problems);
    }

    /**
     * Starts a row.
     *
     * @param rowNumber the row's number as the user sees it
     * @return a new builder
     */
    public static Builder builder(int rowNumber) {
        return new Builder(rowNumber);
    }

    /**
     * Tells whether the row has no value at all (such rows are skipped by importers).
     *
     * @return {@code true} when every field is empty and there are no problems
     */
    public boolean isBlank() {
        return email == null && firstName == null && lastName == null && role == null && groups.isEmpty()
                && membershipType == null && identifierKind == null && identifier == null && language == null
                && message == null && metadata.values().stream().allMatch(v -> v == null || v.isBlank())
                && problems.isEmpty();
    }

    /**
     * Returns a copy with one more problem, for problems seen only after the row was built (a
     * duplicate of an earlier row, cells beyond the header).
     *
     * @param field   the field's name
     * @param message what is wrong and how to fix it
     * @return a new row
     */
    public InvitationRow withProblem(String field, String message) {
        List<RowProblem> more = new java.util.ArrayList<>(problems);
        more.add(new RowProblem(field, message));
        return new InvitationRow(rowNumber, email, firstName, lastName, role, groups, membershipType, identifierKind,
                identifier, language, this.message, metadata, more);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // a plain loop, and no copy at all when the list is already immutable and every group is clean
    private static List<String> cleanGroups(List<String> groups) {
        int size = groups.size();
        if (size == 0) {
            return List.of();
        }
        for (int i = 0; i < size; i++) {
            String g = groups.get(i);
            if (g == null || g.isEmpty() || isBlankOrPadded(g)) {
                return groups.stream().map(InvitationRow::clean).filter(Objects::nonNull).toList();
            }
        }
        return List.copyOf(groups);
    }

    private static boolean isBlankOrPadded(String s) {
        return Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
    }

    /**
     * Builds an {@link InvitationRow}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private static final java.util.regex.Pattern GROUP_SEPARATOR = java.util.regex.Pattern.compile("[;,]");

        private static final int FIELD_COUNT = RowField.values().length;

        private final int rowNumber;
        // by RowField ordinal; the map and list below are created only when something goes in them
        private final String[] values = new String[FIELD_COUNT];
        private List<String> groups = List.of();
        private java.util.LinkedHashMap<String, String> metadata;
        private java.util.ArrayList<RowProblem> problems;

        private Builder(int rowNumber) {
            this.rowNumber = rowNumber;
        }

        /**
         * Sets a field from its cell text. {@link RowField#GROUPS} is split on {@code ;} and {@code ,}.
         *
         * @param field the field
         * @param value the cell text, or {@code null}
         * @return this builder
         */
        public Builder set(RowField field, String value) {
            if (field == RowField.GROUPS) {
                groups = value == null ? List.of() : List.of(GROUP_SEPARATOR.split(value));
            } else {
                values[field.ordinal()] = value;
            }
            return this;
        }

        /**
         * Keeps an unknown column as metadata.
         *
         * @param header the column's header
         * @param value  the cell text
         * @return this builder
         */
        public Builder metadata(String header, String value) {
            if (value != null && !value.isBlank()) {
                if (metadata == null) {
                    metadata = new java.util.LinkedHashMap<>();
                }
                metadata.put(header, value.strip());
            }
            return this;
        }

        /**
         * Records a problem found while reading.
         *
         * @param field   the field's name
         * @param message what is wrong
         * @return this builder
         */
        public Builder problem(String field, String message) {
            if (problems == null) {
                problems = new java.util.ArrayList<>();
            }
            problems.add(new RowProblem(field, message));
            return this;
        }

        /**
         * Builds the row.
         *
         * @return the row
         */
        public InvitationRow build() {
            return new InvitationRow(rowNumber, value(RowField.EMAIL), value(RowField.FIRST_NAME),
                    value(RowField.LAST_NAME), value(RowField.ROLE), groups, value(RowField.MEMBERSHIP_TYPE),
                    value(RowField.IDENTIFIER_KIND), value(RowField.IDENTIFIER), value(RowField.LANGUAGE),
                    value(RowField.MESSAGE), metadata == null ? Map.of() : metadata,
                    problems == null ? List.of() : problems);
        }

        private String value(RowField field) {
            return values[field.ordinal()];
        }
    }
}
