package io.invitations.core.bulk.internal;

import io.invitations.core.FieldProblem;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkAction;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.bulk.RowProblem;
import io.invitations.core.internal.Inviting;
import io.invitations.core.internal.RequestValidator;
import io.invitations.core.internal.RequestValidator;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.MembershipType;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@link InvitationRow} into an {@link InviteRequest}: the row's words read (membership
 * types and identifier kinds in English, French and German, language tags), the bulk call's
 * defaults applied where a cell is empty, the row's metadata copied into the grant, and the request
 * validated by the same rules as a single invitation. Every problem of the row is collected with
 * its field, after the ones the importer already recorded. Thread-safe: it keeps no state beyond
 * the request.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class RowReader {
    /** The role of a row that only sends an existing invitation; never stored. */
    static final String SENDING_ONLY_ROLE = "(sending only)";

    private static final Map<String, String> FIELD_OF_PROPERTY = Map.ofEntries(
            Map.entry("email", RowField.EMAIL.canonicalHeader()),
            Map.entry("identifier", RowField.IDENTIFIER.canonicalHeader()),
            Map.entry("identifierKind", RowField.IDENTIFIER_KIND.canonicalHeader()),
            Map.entry("firstName", RowField.FIRST_NAME.canonicalHeader()),
            Map.entry("lastName", RowField.LAST_NAME.canonicalHeader()),
            Map.entry("role", RowField.ROLE.canonicalHeader()),
            Map.entry("membershipType", RowField.MEMBERSHIP_TYPE.canonicalHeader()),
            Map.entry("groups", RowField.GROUPS.canonicalHeader()),
            Map.entry("personalMessage", RowField.MESSAGE.canonicalHeader()),
            Map.entry("locale", RowField.LANGUAGE.canonicalHeader()),
            Map.entry("metadata", "metadata"));

    private static final Set<String> CONTACT_FIELDS = Set.of(RowField.EMAIL.canonicalHeader(),
            RowField.IDENTIFIER.canonicalHeader(), RowField.IDENTIFIER_KIND.canonicalHeader());

    private final BulkRequest request;
    private final InvitationSource source;
    private final RequestValidator requests;

    /**
     * Creates a reader for one bulk call.
     *
     * @param request the call, whose defaults apply; not {@code null}
     * @param batchId the batch every invitation of the call belongs to; not {@code null}
     * @param requests the validator of each invitation's constraints; not {@code null}
     */
    public RowReader(BulkRequest request, BatchId batchId, RequestValidator requests) {
        this.request = Objects.requireNonNull(request, "request");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.source = InvitationSource.bulk(batchId);
    }

    /**
     * Names a request property (as {@link FieldProblem} and refusals name it) as the row field a
     * user knows: {@code firstName} becomes {@code "first name"}, {@code groups[]} becomes
     * {@code "groups"}.
     *
     * @param property the property path
     * @return the row field's name, or the property itself when it is not a row field
     */
    public static String rowField(String property) {
        String base = property.endsWith("[]") ? property.substring(0, property.length() - 2) : property;
        return FIELD_OF_PROPERTY.getOrDefault(base, property);
    }

    /**
     * Reads one row.
     *
     * @param row the row, not {@code null}
     * @return what was read: the request when valid, every problem otherwise, and the row's input
     *         key whenever its email or identifier could be read
     */
    public Reading read(InvitationRow row) {
        List<RowProblem> problems = new ArrayList<>(row.problems());
        Map<String, String> metadata = new LinkedHashMap<>(row.metadata());
        InviteRequest.Builder b = InviteRequest.builder()
                .target(request.target()).unit(request.unit()).source(source);
        String keyField = contact(row, b, problems, metadata);

        b.name(line(row.firstName(), RowField.FIRST_NAME, problems), line(row.lastName(), RowField.LAST_NAME, problems));
        String role = row.role() != null ? row.role() : request.defaultRole();
        if (role == null && request.action() == BulkAction.SEND_PROVISIONED) {
            // sending an existing invitation grants nothing new: the row needs no role
            role = SENDING_ONLY_ROLE;
        }
        if (role == null) {
            problems.add(problem(RowField.ROLE, "the row has no role; fill the role column or set a default role "
                    + "for the bulk call"));
        }
        b.role(line(role, RowField.ROLE, problems));
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
        b.membershipType(type);
        Set<String> groups = new LinkedHashSet<>();
        for (String g : row.groups().isEmpty() ? request.defaultGroups() : row.groups()) {
            String group = line(g, RowField.GROUPS, problems);
            if (group != null) {
                groups.add(group);
            }
        }
        b.groups(groups);
        Locale locale = request.defaultLocale();
        if (row.language() != null) {
            try {
                locale = Vocabulary.language(row.language());
            } catch (IllegalArgumentException e) {
                problems.add(problem(RowField.LANGUAGE, e.getMessage()));
            }
        }
        b.locale(locale);
        b.personalMessage(row.message() != null ? row.message() : request.personalMessage());
        b.metadata(metadata);

        InviteRequest invite = b.build();
        // The rules of a single invitation, for the fields this reader has not already faulted.
        Set<String> faulted = new HashSet<>();
        problems.forEach(p -> faulted.add(p.field()));
        if (keyField == null) {
            // The contact is already faulted above; the request's own "give an email or an identifier" adds nothing.
            faulted.addAll(CONTACT_FIELDS);
        }
        for (FieldProblem p : Inviting.problems(requests, invite)) {
            String field = rowField(p.field());
            if (!faulted.contains(field)) {
                problems.add(new RowProblem(field, p.message()));
            }
        }
        String key = keyField == null ? null : inputKey(invite);
        return new Reading(problems, problems.isEmpty() ? invite : null, key, keyField);
    }

    /** Sets the email or identifier; returns the field the input key comes from, or null when none. */
    private String contact(InvitationRow row, InviteRequest.Builder b, List<RowProblem> problems,
                           Map<String, String> metadata) {
        if (row.email() != null) {
            // An identifier next to an email (an employee number column, say) is kept, not lost.
            if (row.identifier() != null) {
                metadata.putIfAbsent(RowField.IDENTIFIER.canonicalHeader(), row.identifier());
                if (row.identifierKind() != null) {
                    metadata.putIfAbsent(RowField.IDENTIFIER_KIND.canonicalHeader(), row.identifierKind());
                }
            }
            String email = line(row.email(), RowField.EMAIL, problems);
            b.email(email);
            return email == null ? null : RowField.EMAIL.canonicalHeader();
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
        String value = line(row.identifier(), RowField.IDENTIFIER, problems);
        if (value == null) {
            return null;
        }
        b.identifier(kind, value);
        return RowField.IDENTIFIER.canonicalHeader();
    }

    /** A one-line cell: returns it, or {@code null} after recording a problem when it spans lines. */
    private static String line(String value, RowField field, List<RowProblem> problems) {
        if (value != null && hasControlCharacter(value)) {
            problems.add(problem(field, "the " + field.canonicalHeader() + " " + Vocabulary.quote(value)
                    + " contains a line break or another control character; keep it on one line"));
            return null;
        }
        return value;
    }

    private static boolean hasControlCharacter(String value) {
        for (int k = 0; k < value.length(); k++) {
            if (Character.isISOControl(value.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static RowProblem problem(RowField field, String message) {
        return new RowProblem(field.canonicalHeader(), message);
    }

    /** Emails and identifiers compared ignoring case; an identifier within its kind. */
    private static String inputKey(InviteRequest invite) {
        String key = invite.email() != null ? "email:" + invite.email()
                : "id:" + invite.identifierKind() + ":" + invite.identifier();
        return key.toLowerCase(Locale.ROOT);
    }

    /**
     * What reading one row gave.
     *
     * @param problems every problem, empty when valid
     * @param request  the request, or {@code null} when the row has problems
     * @param key      the input key, or {@code null} when neither an email nor an identifier could be read
     * @param keyField the field the key comes from ({@code "email"} or {@code "identifier"}), or {@code null}
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public record Reading(List<RowProblem> problems, InviteRequest request, String key, String keyField) {
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
