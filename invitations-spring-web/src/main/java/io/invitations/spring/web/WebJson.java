package io.invitations.spring.web;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON bodies of the HTTP API: what the endpoints take (forms) and answer (views). Instants are
 * ISO-8601 strings in UTC; absent values are {@code null}. No view ever carries an access code, a
 * password or a key; a claim token or claim URL appears only where the endpoint exists to reveal it.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public final class WebJson {
    private WebJson() {
    }

    /**
     * An invitation as administrators see it.
     *
     * @param id             the invitation's id
     * @param status         the effective status now (an expired pending invitation reads {@code EXPIRED})
     * @param email          the invitee's email, or {@code null} for an identifier invitee
     * @param identifierKind the identifier's kind, or {@code null} for an email invitee
     * @param identifier     the identifier, or {@code null} for an email invitee
     * @param displayName    the invitee's name, or {@code null}
     * @param role           the granted role
     * @param membershipType member or guest
     * @param groups         the granted groups
     * @param targetType     what the invitation is to: {@code membership} or a resource type
     * @param targetId       the resource's id, or {@code null} for membership
     * @param invitedBy      the inviter's user id
     * @param inviterName    the inviter's display name
     * @param createdAt      when it was created
     * @param invitedAt      when it was (last) sent, or {@code null} while provisioned
     * @param expiresAt      when the claim link stops working, or {@code null}
     * @param respondedAt    when it was accepted or declined, or {@code null}
     * @param resendCount    how often it was resent
     * @param delivery       the delivery state of its messages
     */
    public record InvitationView(String id, String status, String email, String identifierKind, String identifier,
                                 String displayName, String role, String membershipType, Set<String> groups,
                                 String targetType, String targetId, String invitedBy, String inviterName,
                                 String createdAt, String invitedAt, String expiresAt, String respondedAt,
                                 int resendCount, String delivery) {
    }

    /**
     * One page of invitations.
     *
     * @param items   the invitations of this page
     * @param offset  how many matches come before this page
     * @param hasMore whether a next page exists
     */
    public record InvitationPage(List<InvitationView> items, int offset, boolean hasMore) {
    }

    /**
     * One entry of an invitation's history.
     *
     * @param at     when it happened
     * @param actor  who did it (a user id, {@code system:...}, or {@code invitee})
     * @param action what was done
     * @param from   the status before, or {@code null}
     * @param to     the status after
     * @param reason the reason given, or {@code null}
     * @param acceptingAddress the address the invitee signed in with when it differed from the invited
     *                         one (an acceptance held for approval), else {@code null}; for
     *                         administrators only
     */
    public record HistoryView(String at, String actor, String action, String from, String to, String reason,
                              String acceptingAddress) {
    }

    /**
     * An invitation to create (invite or provision). Either {@code email} or both
     * {@code identifierKind} and {@code identifier}.
     *
     * @param email           the invitee's email
     * @param identifierKind  the kind of identifier ({@code phone}, {@code personnel_number}, ...)
     * @param identifier      the identifier
     * @param firstName       the invitee's first name, optional
     * @param lastName        the invitee's last name, optional
     * @param role            the role to grant, optional (the tenant's default)
     * @param guest           whether the invitee joins as a guest
     * @param groups          groups to grant, optional
     * @param personalMessage the inviter's message, optional
     * @param locale          the invitee's language tag such as {@code de-CH}, optional
     * @param targetType      a resource type, optional (membership of the tenant by default)
     * @param targetId        the resource's id, with {@code targetType}
     */
    public record InviteForm(String email, String identifierKind, String identifier, String firstName,
                             String lastName, String role, Boolean guest, Set<String> groups, String personalMessage,
                             String locale, String targetType, String targetId) {
    }

    /**
     * Invitation ids, e.g. to send several provisioned invitations.
     *
     * @param ids the ids
     */
    public record IdsForm(List<String> ids) {
    }

    /**
     * A reason, for revoke and reject.
     *
     * @param reason why, optional
     */
    public record ReasonForm(String reason) {
    }

    /**
     * The outcome of sending several invitations.
     *
     * @param sent    the ids sent
     * @param refused the ids refused, with their code and reason
     */
    public record SendView(List<String> sent, List<RefusedView> refused) {
    }

    /**
     * One refused invitation of a send.
     *
     * @param id      the invitation's id
     * @param code    the stable error code
     * @param message what was wrong
     */
    public record RefusedView(String id, String code, String message) {
    }

    /**
     * The row report of a bulk upload.
     *
     * @param batchId the batch's id (to export its claim links), or {@code null} on a dry run
     * @param dryRun  whether nothing was written
     * @param written whether invitations were written
     * @param totals  how many rows ended in each outcome
     * @param lines   one line per row, in file order
     */
    public record BulkReportView(String batchId, boolean dryRun, boolean written, Map<String, Integer> totals,
                                 List<BulkLineView> lines) {
    }

    /**
     * One row of a bulk report.
     *
     * @param row          the row number in the file (the header is row 1 in spreadsheets)
     * @param outcome      {@code CREATED}, {@code INVALID}, {@code DUPLICATE_IN_INPUT}, ...
     * @param invitationId the created invitation, or {@code null}
     * @param problems     what is wrong with the row and how to fix it
     * @param existingInvitationId for an {@code ALREADY_INVITED} row, the person's open invitation
     *                     (reported to managers only), or {@code null}
     */
    public record BulkLineView(int row, String outcome, String invitationId, List<ProblemView> problems,
                               String existingInvitationId) {
    }

    /**
     * A problem with one field of a request or a row.
     *
     * @param field   the field or column, or {@code null} for the whole row
     * @param message what is wrong and how to fix it
     * @param code    the stable error code, or {@code null}
     */
    public record ProblemView(String field, String message, String code) {
    }

    /**
     * What an invitee sees on opening a claim link: who invited them to what, and the claim steps.
     *
     * @param tenantName      the tenant's display name
     * @param inviterName     who invited
     * @param inviteeName     the invitee's name, or {@code null}
     * @param targetType      what the invitation is to
     * @param targetId        the resource's id, or {@code null}
     * @param role            the role accepting grants
     * @param personalMessage the inviter's message, or {@code null}
     * @param locale          the invitation's language tag
     * @param status          the effective status now
     * @param claimable       whether it can be accepted now
     * @param expiresAt       when the link stops working, or {@code null}
     * @param steps           the claim steps, in order ({@code TERMS}, {@code PROFILE}, {@code PASSWORD}, {@code GROUPS})
     * @param requirements    what the claim must bring
     */
    public record ClaimView(String tenantName, String inviterName, String inviteeName, String targetType,
                            String targetId, String role, String personalMessage, String locale, String status,
                            boolean claimable, String expiresAt, List<String> steps, RequirementsView requirements) {
    }

    /**
     * What a claim (or a shareable-link join) must bring.
     *
     * @param termsRequired         whether the tenant's terms must be accepted
     * @param profileFields         profile fields to confirm
     * @param passwordRequired      whether a password must be chosen (not with SSO)
     * @param minimumPasswordLength the shortest password allowed
     * @param groupPool             groups to choose from, possibly empty
     */
    public record RequirementsView(boolean termsRequired, List<String> profileFields, boolean passwordRequired,
                                   int minimumPasswordLength, Set<String> groupPool) {
    }

    /**
     * The invitee's answers to the claim steps.
     *
     * @param firstName     first name, optional
     * @param lastName      last name, optional
     * @param profile       profile fields by name, optional
     * @param password      the chosen password, when the tenant asks for one; never logged or echoed
     * @param termsAccepted whether the terms are accepted
     * @param groups        chosen groups, optional
     */
    public record ClaimForm(String firstName, String lastName, Map<String, String> profile, String password,
                            Boolean termsAccepted, Set<String> groups) {
        @Override
        public String toString() {
            return "ClaimForm[firstName=" + firstName + ", lastName=" + lastName + ", termsAccepted="
                    + termsAccepted + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }

    /**
     * A join through a shareable link.
     *
     * @param email the joiner's email
     * @param claim the answers to the link's claim steps
     */
    public record JoinForm(String email, ClaimForm claim) {
    }

    /**
     * The outcome of a claim or a join.
     *
     * @param invitationId     the invitation
     * @param status           {@code ACCEPTED}, or {@code AWAITING_APPROVAL}
     * @param accountId        the account created or linked, or {@code null} while awaiting approval
     * @param awaitingApproval whether an administrator still has to approve
     */
    public record AcceptanceView(String invitationId, String status, String accountId, boolean awaitingApproval) {
    }

    /**
     * An access code as the invitee types it.
     *
     * @param tenantId       the tenant
     * @param identifierKind the kind of identifier the invitation names
     * @param identifier     the identifier
     * @param code           the access code, with or without its dash; never logged or echoed
     */
    public record CodeForm(String tenantId, String identifierKind, String identifier, String code) {
        @Override
        public String toString() {
            return "CodeForm[tenantId=" + tenantId + ", identifierKind=" + identifierKind + ", code=***]";
        }
    }

    /**
     * A redeemed access code: the claim token to continue with, and what it opens.
     *
     * @param claimToken the claim token for the claim endpoints
     * @param claim      what the invitation offers
     */
    public record RedeemedView(String claimToken, ClaimView claim) {
        @Override
        public String toString() {
            return "RedeemedView[claim=" + claim + "]";
        }
    }

    /**
     * What a shareable link offers.
     *
     * @param tenantName     the tenant's display name
     * @param targetType     what joining is to
     * @param targetId       the resource's id, or {@code null}
     * @param role           the role joining grants
     * @param expiresAt      when the link stops working, or {@code null}
     * @param usesLeft       how many more joins it takes, or {@code null}
     * @param allowedDomains the email domains that may join; empty for any
     * @param steps          the claim steps of a join
     * @param requirements   what a join must bring
     */
    public record OfferView(String tenantName, String targetType, String targetId, String role, String expiresAt,
                            Integer usesLeft, Set<String> allowedDomains, List<String> steps,
                            RequirementsView requirements) {
    }

    /**
     * A shareable link as administrators see it.
     *
     * @param id             the link's id
     * @param active         whether it takes joins
     * @param role           the role it grants
     * @param targetType     what it is to
     * @param targetId       the resource's id, or {@code null}
     * @param uses           how often it was used
     * @param maxUses        its limit, or {@code null}
     * @param expiresAt      its expiry, or {@code null}
     * @param allowedDomains its allowed email domains
     * @param createdBy      who created it
     * @param url            its URL, only when created or revealed; else {@code null}
     */
    public record ShareableLinkView(String id, boolean active, String role, String targetType, String targetId,
                                    int uses, Integer maxUses, String expiresAt, Set<String> allowedDomains,
                                    String createdBy, String url) {
    }

    /**
     * A shareable link to create.
     *
     * @param role           the role to grant, optional
     * @param guest          whether joiners are guests
     * @param targetType     a resource type, optional
     * @param targetId       the resource's id, with {@code targetType}
     * @param expiresAt      ISO-8601 instant, optional
     * @param maxUses        the largest number of joins, optional
     * @param allowedDomains email domains that may join, optional
     */
    public record ShareableLinkForm(String role, Boolean guest, String targetType, String targetId,
                                    String expiresAt, Integer maxUses, Set<String> allowedDomains) {
    }

    /**
     * A claim link, revealed to an administrator (e.g. to hand over in person).
     *
     * @param url the claim URL
     */
    public record ClaimLinkView(String url) {
        @Override
        public String toString() {
            return "ClaimLinkView[***]";
        }
    }

    /**
     * A rendered message, for previews.
     *
     * @param to      the recipient, or a sample address
     * @param subject the subject
     * @param html    the HTML body
     * @param text    the plain-text body
     * @param locale  the language tag
     */
    public record MessageView(String to, String subject, String html, String text, String locale) {
    }
}
