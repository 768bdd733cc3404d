package io.invitations.spring.web.internal;

import io.invitations.core.ClaimIncompleteException;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.bulk.ImportException;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCategory;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spring.web.WebJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link InvitationException}s as RFC 9457 problem details: the status from the code's
 * {@link ErrorCategory}, the stable {@code code}, and field or row {@code problems}. Administrators
 * get the exception's message (which never holds a secret); invitees get fixed, neutral texts that
 * say nothing about anyone's membership or other invitations.
 */
public final class Problems {
    /** The codes an invitee may learn as they are: they speak about the link or code they hold. */
    private static final Set<ErrorCode> INVITEE_VISIBLE = EnumSet.of(ErrorCode.INVALID_REQUEST, ErrorCode.EXPIRED,
            ErrorCode.REVOKED, ErrorCode.ALREADY_ACCEPTED, ErrorCode.LINKS_DISABLED, ErrorCode.LINK_INACTIVE,
            ErrorCode.LINK_EXPIRED, ErrorCode.LINK_EXHAUSTED, ErrorCode.THROTTLED, ErrorCode.CLAIM_INCOMPLETE,
            ErrorCode.DOMAIN_NOT_ALLOWED, ErrorCode.ALREADY_INVITED_OR_MEMBER, ErrorCode.SEAT_LIMIT_REACHED,
            ErrorCode.ILLEGAL_TRANSITION, ErrorCode.INVALID_TOKEN, ErrorCode.STORAGE_FAILURE,
            ErrorCode.KEY_UNAVAILABLE, ErrorCode.CONFIGURATION, ErrorCode.ACCOUNT_MISMATCH,
            ErrorCode.ACCEPTING_ADDRESS_REQUIRED, ErrorCode.AWAITING_DECISION);

    private static final Map<ErrorCode, String> INVITEE_TEXT = Map.ofEntries(
            Map.entry(ErrorCode.INVALID_REQUEST, "Some answers are missing or invalid; see the problems."),
            Map.entry(ErrorCode.EXPIRED, "This invitation has expired. Ask the person who invited you for a new one."),
            Map.entry(ErrorCode.REVOKED, "This invitation was withdrawn."),
            Map.entry(ErrorCode.ALREADY_ACCEPTED, "This invitation was already used. Sign in instead."),
            Map.entry(ErrorCode.LINKS_DISABLED, "Joining through links is switched off."),
            Map.entry(ErrorCode.LINK_INACTIVE, "This link is no longer active."),
            Map.entry(ErrorCode.LINK_EXPIRED, "This link has expired."),
            Map.entry(ErrorCode.LINK_EXHAUSTED, "This link has been used as often as it allows."),
            Map.entry(ErrorCode.THROTTLED, "Too many attempts. Wait a while, then try again."),
            Map.entry(ErrorCode.CLAIM_INCOMPLETE, "Some claim steps are not complete; see the problems."),
            Map.entry(ErrorCode.DOMAIN_NOT_ALLOWED, "This link does not accept that email domain."),
            Map.entry(ErrorCode.ALREADY_INVITED_OR_MEMBER,
                    "This address cannot join through the link. If you were invited, use your invitation."),
            Map.entry(ErrorCode.SEAT_LIMIT_REACHED, "There is no free seat right now. Contact the administrator."),
            Map.entry(ErrorCode.ILLEGAL_TRANSITION, "This invitation cannot be used any more."),
            Map.entry(ErrorCode.INVALID_TOKEN, "This link or code is not valid."),
            Map.entry(ErrorCode.STORAGE_FAILURE, "Something went wrong on our side. Try again later."),
            Map.entry(ErrorCode.KEY_UNAVAILABLE, "This link or code is not valid."),
            Map.entry(ErrorCode.CONFIGURATION, "Something went wrong on our side. Try again later."),
            Map.entry(ErrorCode.ACCOUNT_MISMATCH, "This invitation was sent to another email address than the one"
                    + " you are signed in with. Sign in with the address the invitation was sent to, or ask the"
                    + " person who invited you to invite this address. The invitation is still open."),
            Map.entry(ErrorCode.ACCEPTING_ADDRESS_REQUIRED, "Sign in with the email address this invitation was sent"
                    + " to, then open the link again. The invitation is still open."),
            Map.entry(ErrorCode.AWAITING_DECISION, "This invitation is waiting for an administrator's decision."
                    + " Sign in with the address it was sent to, or wait for the decision."));

    private Problems() {
    }

    /**
     * A problem for an administrator.
     *
     * @param e the failure
     * @return the problem detail
     */
    public static ProblemDetail forAdministrator(InvitationException e) {
        ProblemDetail p = base(e.code(), e.getMessage());
        List<WebJson.ProblemView> problems = problems(e);
        if (!problems.isEmpty()) {
            p.setProperty("problems", problems);
        }
        return p;
    }

    /**
     * A neutral problem for an invitee: a fixed text; codes about other people or invitations
     * become {@code INVALID_TOKEN}.
     *
     * @param e the failure
     * @return the problem detail
     */
    public static ProblemDetail forInvitee(InvitationException e) {
        ErrorCode code = e.code();
        if (code == ErrorCode.KEY_UNAVAILABLE || !INVITEE_VISIBLE.contains(code)) {
            code = ErrorCode.INVALID_TOKEN;
        }
        ProblemDetail p = base(code, INVITEE_TEXT.get(code));
        if (code == ErrorCode.INVALID_REQUEST || code == ErrorCode.CLAIM_INCOMPLETE) {
            List<WebJson.ProblemView> problems = problems(e);
            if (!problems.isEmpty()) {
                p.setProperty("problems", problems);
            }
        }
        return p;
    }

    /**
     * A problem for a request the engine did not see (bad parameter, missing caller).
     *
     * @param status the status
     * @param code   a stable code of this module, such as {@code NOT_AUTHENTICATED}
     * @param detail what was wrong
     * @return the problem detail
     */
    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:invitations:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        p.setProperty("code", code);
        return p;
    }

    private static ProblemDetail base(ErrorCode code, String detail) {
        ErrorCategory category = code.category();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(category.httpStatus()), detail);
        p.setType(URI.create("urn:invitations:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        p.setTitle(title(category));
        p.setProperty("code", code.name());
        p.setProperty("category", category.name());
        return p;
    }

    private static String title(ErrorCategory c) {
        return switch (c) {
            case CLIENT_ERROR -> "Invalid request";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict with the current state";
            case GONE -> "No longer valid";
            case TOO_MANY_REQUESTS -> "Too many requests";
            case UNAVAILABLE -> "Temporarily unavailable";
            case SERVER_ERROR -> "Server error";
        };
    }

    private static List<WebJson.ProblemView> problems(InvitationException e) {
        if (e instanceof InvalidRequestException ire) {
            return ire.problems().stream().map(f -> new WebJson.ProblemView(f.field(), f.message(),
                    ErrorCode.INVALID_REQUEST.name())).toList();
        }
        if (e instanceof PolicyViolationException pve) {
            return pve.refusals().stream().map(r -> new WebJson.ProblemView(r.field(), r.message(),
                    r.code().name())).toList();
        }
        if (e instanceof ImportException ie) {
            String where = ie.rowNumber() > 0 ? "row " + ie.rowNumber() : null;
            String field = ie.field() == null ? where : (where == null ? ie.field() : where + ", " + ie.field());
            return List.of(new WebJson.ProblemView(field, e.getMessage(), e.code().name()));
        }
        if (e instanceof ClaimIncompleteException cie) {
            return cie.missing().stream().map(m -> new WebJson.ProblemView(m, "is required",
                    ErrorCode.CLAIM_INCOMPLETE.name())).toList();
        }
        return List.of();
    }
}
