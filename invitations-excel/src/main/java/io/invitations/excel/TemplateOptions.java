package io.invitations.excel;

import io.invitations.core.bulk.RowField;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@link XlsxTemplate} contains: the tenant's roles and membership types for the dropdowns,
 * the identifier kinds suggested for people without email, the bulk limit stated in the file, the
 * columns, and the language of the instructions.
 *
 * <pre>{@code
 * TemplateOptions options = TemplateOptions.builder()
 *         .roles(List.of("member", "editor", "admin"))
 *         .guestsAllowed(true)
 *         .bulkLimit(500)
 *         .language(Locale.FRENCH)
 *         .build();
 * }</pre>
 *
 * @param roles           the tenant's roles, offered as a dropdown in the role column; empty for no
 *                        dropdown (the bulk call's default role then applies to rows without one)
 * @param guestsAllowed   whether {@code guest} is offered next to {@code member} in the membership column
 * @param identifierKinds identifier kinds suggested in the identifier-kind column (other kinds are
 *                        allowed with a warning)
 * @param bulkLimit       the most rows one file may hold, stated in the template; the data validations
 *                        cover exactly that many rows
 * @param language        the language of the instructions, comments and messages: English, French
 *                        or German (any other language is replaced by English); headers are always the
 *                        canonical English ones, which every importer recognises
 * @param columns         the columns, in order; at least an email or an identifier column
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record TemplateOptions(List<String> roles, boolean guestsAllowed, List<String> identifierKinds, int bulkLimit,
                              Locale language, List<RowField> columns) {
    /** The default {@link #bulkLimit()}: 500, the tenant default of the bulk engine. */
    public static final int DEFAULT_BULK_LIMIT = 500;

    private static final Set<String> LANGUAGES = Set.of("en", "fr", "de");
    /** Excel allows this many characters in one item of a dropdown list. */
    private static final int MAX_ITEM_CHARS = 255;
    /** Excel's last row, minus the header. */
    private static final int MAX_BULK_LIMIT = 1_048_575;

    /**
     * Validates and copies the options; a language other than English, French or German becomes English.
     *
     * @throws NullPointerException     if a component is null
     * @throws InvitationException with {@code INVALID_REQUEST} if a role or kind is blank, repeated or longer than
     *         255 characters, the limit is not between 1 and 1,048,575, a column is repeated, or there is neither
     *         an email nor an identifier column
     */
    public TemplateOptions {
        roles = items(roles, "role");
        identifierKinds = items(identifierKinds, "identifier kind");
        if (bulkLimit < 1 || bulkLimit > MAX_BULK_LIMIT) {
            throw InvitationException.invalidValue("bulkLimit must be between 1 and " + MAX_BULK_LIMIT
                    + ", was " + bulkLimit);
        }
        Objects.requireNonNull(language, "language");
        language = LANGUAGES.contains(language.getLanguage()) ? Locale.forLanguageTag(language.getLanguage())
                : Locale.ENGLISH;
        columns = List.copyOf(columns);
        if (new HashSet<>(columns).size() != columns.size()) {
            throw InvitationException.invalidValue("columns must not repeat: " + columns);
        }
        if (!columns.contains(RowField.EMAIL) && !columns.contains(RowField.IDENTIFIER)) {
            throw InvitationException.invalidValue("columns need an email or an identifier column: " + columns);
        }
    }

    /**
     * Starts a builder: no roles, guests allowed, the identifier kinds {@code phone},
     * {@code personnel_number} and {@code birth_date}, a limit of 500, English, every {@link RowField}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static List<String> items(List<String> values, String what) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw InvitationException.invalidValue(what + " must not be blank: " + values);
            }
            String item = v.strip();
            if (item.length() > MAX_ITEM_CHARS) {
                throw InvitationException.invalidValue(what + " '" + item.substring(0, 20) + "…' is longer than "
                        + MAX_ITEM_CHARS + " characters, the most a dropdown item may have");
            }
            if (!seen.add(item.toLowerCase(Locale.ROOT))) {
                throw InvitationException.invalidValue(what + " '" + item + "' is listed twice");
            }
            out.add(item);
        }
        return List.copyOf(out);
    }

    /**
     * Builds {@link TemplateOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private List<String> roles = List.of();
        private boolean guestsAllowed = true;
        private List<String> identifierKinds = List.of("phone", "personnel_number", "birth_date");
        private int bulkLimit = DEFAULT_BULK_LIMIT;
        private Locale language = Locale.ENGLISH;
        private List<RowField> columns = List.of(RowField.values());

        private Builder() {
        }

        /**
         * Sets the tenant's roles, offered as a dropdown.
         *
         * @param value the roles, in the order to show
         * @return this builder
         */
        public Builder roles(List<String> value) {
            roles = value;
            return this;
        }

        /**
         * Sets whether {@code guest} is offered as a membership type.
         *
         * @param value {@code true} to offer guests
         * @return this builder
         */
        public Builder guestsAllowed(boolean value) {
            guestsAllowed = value;
            return this;
        }

        /**
         * Sets the identifier kinds suggested.
         *
         * @param value the kinds
         * @return this builder
         */
        public Builder identifierKinds(List<String> value) {
            identifierKinds = value;
            return this;
        }

        /**
         * Sets the bulk limit stated in the template.
         *
         * @param value the most rows per file
         * @return this builder
         */
        public Builder bulkLimit(int value) {
            bulkLimit = value;
            return this;
        }

        /**
         * Sets the language of the instructions.
         *
         * @param value English, French or German
         * @return this builder
         */
        public Builder language(Locale value) {
            language = value;
            return this;
        }

        /**
         * Sets the columns, in order.
         *
         * @param value the columns
         * @return this builder
         */
        public Builder columns(List<RowField> value) {
            columns = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException see {@link TemplateOptions#TemplateOptions}
         */
        public TemplateOptions build() {
            return new TemplateOptions(roles, guestsAllowed, identifierKinds, bulkLimit, language, columns);
        }
    }
}
