package io.invitations.core.bulk.internal;

import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.bulk.RowProblem;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.MembershipType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@link InvitationRow} into a {@link ParsedRow}, applying the bulk call's defaults where
 * a cell is empty and collecting every problem of the row with its field (after the ones the
 * importer already recorded). Thread-safe: it keeps no state beyond the request.
 */
public final class RowReader {
    /** The longest first or last name. */
    public static final int MAX_NAME = 256;
    /** The longest role or group name. */
    public static final int MAX_ROLE = 128;
    /** The longest personal message. */
    public static final int MAX_MESSAGE = 4000;
    /** The longest identifier. */
    public static final int MAX_IDENTIFIER = 256;

    private final BulkRequest request;

    /**
     * Creates a reader for one bulk call.
     *
     * @param request the call, whose defaults apply; not {@code null}
     */
    public RowReader(BulkRequest request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    /**
     * Reads one row.
     *
     * @param row the row, not {@code null}
     * @return what was read: the parsed row when valid, every problem otherwise, and the row's
     *         input key whenever its email or identifier could be read
     */
    public Reading read(InvitationRow row) {
        List<RowProblem> problems = new ArrayList<>(row.problems());
        Map<String, String> metadata = new LinkedHashMap<>(row.metadata());
        Contact contact = contact(row, problems, metadata);

        String first = text(row.firstName(), RowField.FIRST_NAME, MAX_NAME, problems);
        String last = text(row.lastName(), RowField.LAST_NAME, MAX_NAME, problems);
        String role = row.role() != null ? row.role() : request.defaultRole();
        if (role == null) {
            problems.add(problem(RowField.ROLE, "the row has no role; fill the role column or set a default role "
                    + "for the bulk call"));
        } else {
            role = text(role, RowField.ROLE, MAX_ROLE, problems);
        }
        MembershipType type = request.defaultMembershipType();
        if (row.membershipType() != null) {
            Optional<MembershipType> read = Vocabulary.membershipType(row.membershipType());
            if (read.isPresent()) {
                type = read.get();
            } else {
                problems.add(problem(RowField.MEMBERSHIP_TYPE, Vocabulary.quote(row.membershipType())
                        + " is not a membership type; write member (membre, Mitglied) or guest (invité, Gast)"));
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String g : row.groups().isEmpty() ? request.defaultGroups() : row.groups()) {
            String group = text(g, RowField.GROUPS, MAX_ROLE, problems);
            if (group != null) {
                groups.add(group);
            }
        }
        Locale locale = request.defaultLocale();
        if (row.language() != null) {
            try {
                locale = Vocabulary.language(row.language());
            } catch (IllegalArgumentException e) {
                problems.add(problem(RowField.LANGUAGE, e.getMessage()));
            }
        }
        String message = row.message() != null ? row.message() : request.personalMessage();
        if (message != null && message.length() > MAX_MESSAGE) {
            problems.add(problem(RowField.MESSAGE, "the personal message has " + message.length()
                    + " characters; at most " + MAX_MESSAGE + " are allowed"));
        }

        String key = contact == null ? null : inputKey(contact);
        if (!problems.isEmpty() || contact == null) {
            return new Reading(problems, null, key, keyField(contact));
        }
        Invitee invitee = new Invitee(contact, first, last, null);
        Grant grant = new Grant(role, type, groups, request.unit(), metadata);
        return new Reading(problems, new ParsedRow(row.rowNumber(), invitee, grant, locale, message, key), key,
                keyField(contact));
    }

    private Contact contact(InvitationRow row, List<RowProblem> problems, Map<String, String> metadata) {
        if (row.email() != null) {
            // An identifier next to an email (an employee number column, say) is kept, not lost.
            if (row.identifier() != null) {
                metadata.putIfAbsent(RowField.IDENTIFIER.canonicalHeader(), row.identifier());
                if (row.identifierKind() != null) {
                    metadata.putIfAbsent(RowField.IDENTIFIER_KIND.canonicalHeader(), row.identifierKind());
                }
            }
            try {
                return new EmailAddress(Emails.normalize(row.email()));
            } catch (IllegalArgumentException e) {
                problems.add(problem(RowField.EMAIL, e.getMessage()));
                return null;
            }
        }
        if (row.identifier() == null) {
            boolean reported = problems.stream().anyMatch(p -> p.field().equals(RowField.EMAIL.canonicalHeader()));
            if (!reported) {
                problems.add(problem(RowField.EMAIL, "the row has no email address; fill the email column, or give "
                        + "an identifier and its kind for someone without email"));
            }
            return null;
        }
        IdentifierKind kind = request.defaultIdentifierKind();
        if (row.identifierKind() != null) {
            try {
                kind = Vocabulary.identifierKind(row.identifierKind());
            } catch (IllegalArgumentException e) {
                problems.add(problem(RowField.IDENTIFIER_KIND, e.getMessage()));
                return null;
            }
        } else if (kind == null) {
            problems.add(problem(RowField.IDENTIFIER_KIND, "the row has an identifier but no identifier kind; "
                    + "fill the identifier kind column (phone, personnel_number, birth_date) or set a default kind "
                    + "for the bulk call"));
            return null;
        }
        String value = text(row.identifier(), RowField.IDENTIFIER, MAX_IDENTIFIER, problems);
        return value == null ? null : new Identifier(kind, value);
    }

    /** Checks a one-line text; returns it, or {@code null} after recording a problem. */
    private static String text(String value, RowField field, int max, List<RowProblem> problems) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            problems.add(problem(field, "the " + field.canonicalHeader() + " has " + value.length()
                    + " characters; at most " + max + " are allowed"));
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(problem(field, "the " + field.canonicalHeader() + " " + Vocabulary.quote(value)
                    + " contains a line break or another control character; keep it on one line"));
            return null;
        }
        return value;
    }

    private static RowProblem problem(RowField field, String message) {
        return new RowProblem(field.canonicalHeader(), message);
    }

    /**
     * The key under which two rows of one call are the same person: emails and identifiers
     * compared ignoring case.
     *
     * @param contact the contact, not {@code null}
     * @return the key
     */
    public static String inputKey(Contact contact) {
        return contact.matchKey().toLowerCase(Locale.ROOT);
    }

    private static String keyField(Contact contact) {
        return contact instanceof Identifier ? RowField.IDENTIFIER.canonicalHeader() : RowField.EMAIL.canonicalHeader();
    }

    /**
     * What reading one row gave.
     *
     * @param problems every problem, empty when valid
     * @param parsed   the parsed row, or {@code null} when it has problems
     * @param key      the input key, or {@code null} when neither an email nor an identifier could be read
     * @param keyField the field the key comes from ({@code "email"} or {@code "identifier"})
     */
    public record Reading(List<RowProblem> problems, ParsedRow parsed, String key, String keyField) {
        /**
         * Copies the problems.
         *
         * @throws NullPointerException if {@code problems} is null
         */
        public Reading {
            problems = List.copyOf(problems);
        }
    }
}
