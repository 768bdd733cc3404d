package io.invitations.core.bulk;

import io.invitations.spi.InvitationException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of an import, as read from a file, before validation: raw text per field. File importers
 * (CSV, TXT, vCard, LDIF, Excel) produce these; the bulk engine validates them and reports per row.
 *
 * @since 0.1.0
 */
public final class InvitationRow {
    private final int rowNumber;
    private final String email;
    private final String firstName;
    private final String lastName;
    private final String role;
    private final List<String> groups;
    private final String membershipType;
    private final String identifierKind;
    private final String identifier;
    private final String language;
    private final String message;
    private final Map<String, String> metadata;
    private final List<RowProblem> problems;

    private InvitationRow(int rowNumber, String email, String firstName, String lastName, String role,
            List<String> groups, String membershipType, String identifierKind, String identifier, String language,
            String message, Map<String, String> metadata, List<RowProblem> problems) {
        if (rowNumber < 1) {
            throw InvitationException.invalidValue("rowNumber starts at 1");
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

        this.rowNumber = rowNumber;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.role = role;
        this.groups = groups;
        this.membershipType = membershipType;
        this.identifierKind = identifierKind;
        this.identifier = identifier;
        this.language = language;
        this.message = message;
        this.metadata = metadata;
        this.problems = problems;
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

    /**
     * Returns the row's number as the user sees it in the file (1-based, header included for tabular files), at least 1.
     *
     * @return the row's number as the user sees it in the file (1-based, header included for tabular files), at least 1
     */
    public int rowNumber() {
        return rowNumber;
    }

    /**
     * Returns the email cell, or {@code null}.
     *
     * @return the email cell, or {@code null}
     */
    public String email() {
        return email;
    }

    /**
     * Returns the first-name cell, or {@code null}.
     *
     * @return the first-name cell, or {@code null}
     */
    public String firstName() {
        return firstName;
    }

    /**
     * Returns the last-name cell, or {@code null}.
     *
     * @return the last-name cell, or {@code null}
     */
    public String lastName() {
        return lastName;
    }

    /**
     * Returns the role cell, or {@code null} (the bulk call's default role applies).
     *
     * @return the role cell, or {@code null} (the bulk call's default role applies)
     */
    public String role() {
        return role;
    }

    /**
     * Returns groups or teams, already split; possibly empty.
     *
     * @return groups or teams, already split; possibly empty
     */
    public List<String> groups() {
        return groups;
    }

    /**
     * Returns the membership-type cell (member/guest in en, fr or de), or {@code null}.
     *
     * @return the membership-type cell (member/guest in en, fr or de), or {@code null}
     */
    public String membershipType() {
        return membershipType;
    }

    /**
     * Returns the identifier-kind cell, or {@code null}.
     *
     * @return the identifier-kind cell, or {@code null}
     */
    public String identifierKind() {
        return identifierKind;
    }

    /**
     * Returns the identifier cell, or {@code null}.
     *
     * @return the identifier cell, or {@code null}
     */
    public String identifier() {
        return identifier;
    }

    /**
     * Returns the language cell, or {@code null}.
     *
     * @return the language cell, or {@code null}
     */
    public String language() {
        return language;
    }

    /**
     * Returns the personal-message cell, or {@code null}.
     *
     * @return the personal-message cell, or {@code null}
     */
    public String message() {
        return message;
    }

    /**
     * Returns unknown columns kept as metadata (header → value); possibly empty.
     *
     * @return unknown columns kept as metadata (header → value); possibly empty
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Returns problems found while reading (e.g. a number in the email column); possibly empty.
     *
     * @return problems found while reading (e.g. a number in the email column); possibly empty
     */
    public List<RowProblem> problems() {
        return problems;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof InvitationRow other
                && rowNumber == other.rowNumber
                && Objects.equals(email, other.email)
                && Objects.equals(firstName, other.firstName)
                && Objects.equals(lastName, other.lastName)
                && Objects.equals(role, other.role)
                && Objects.equals(groups, other.groups)
                && Objects.equals(membershipType, other.membershipType)
                && Objects.equals(identifierKind, other.identifierKind)
                && Objects.equals(identifier, other.identifier)
                && Objects.equals(language, other.language)
                && Objects.equals(message, other.message)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(problems, other.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowNumber, email, firstName, lastName, role, groups, membershipType, identifierKind, identifier, language, message, metadata, problems);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "InvitationRow[rowNumber=" + rowNumber + ", email=" + email + ", firstName=" + firstName
                + ", lastName=" + lastName + ", role=" + role + ", groups=" + groups
                + ", membershipType=" + membershipType + ", identifierKind=" + identifierKind
                + ", identifier=" + identifier + ", language=" + language + ", message=" + message
                + ", metadata=" + metadata + ", problems=" + problems + "]";
    }
}
