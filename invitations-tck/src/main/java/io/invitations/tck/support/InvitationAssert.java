package io.invitations.tck.support;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import org.assertj.core.api.AbstractObjectAssert;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * AssertJ assertions about an {@link Invitation}, for hosts' and adapters' tests. Every failure
 * message names the invitation's id and the component that differed:
 *
 * <pre>{@code
 * import static io.invitations.tck.support.InvitationAssert.assertThat;
 *
 * assertThat(invitation).isPending().hasTenant("acme").hasEmail("ada@example.com").hasRole("member");
 * assertThat(accepted).isAccepted().hasAccountId("acct-7").hasVersion(2);
 * }</pre>
 *
 * <p>The AssertJ methods of {@link AbstractObjectAssert} ({@code isEqualTo}, {@code extracting},
 * {@code usingRecursiveComparison} ...) remain available.
 *
 * @since 0.1.0
 */
public final class InvitationAssert extends AbstractObjectAssert<InvitationAssert, Invitation> {

    private InvitationAssert(Invitation actual) {
        super(actual, InvitationAssert.class);
    }

    /**
     * Starts assertions about an invitation.
     *
     * @param actual the invitation, may be {@code null} (then every assertion but {@code isNull} fails)
     * @return the assertions
     */
    public static InvitationAssert assertThat(Invitation actual) {
        return new InvitationAssert(actual);
    }

    /**
     * Checks the stored status (not the status at some instant: see {@link #hasEffectiveStatusAt}).
     *
     * @param expected the status, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasStatus(InvitationStatus expected) {
        Objects.requireNonNull(expected, "expected");
        return has("status", Invitation::status, expected);
    }

    /**
     * Checks the status an invitation has at an instant: a PENDING one past its expiry is EXPIRED.
     *
     * @param now      the instant, not {@code null}
     * @param expected the status, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasEffectiveStatusAt(Instant now, InvitationStatus expected) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expected, "expected");
        return has("effective status at " + now, i -> i.effectiveStatus(now), expected);
    }

    /**
     * Checks that the invitation is PENDING.
     *
     * @return these assertions
     */
    public InvitationAssert isPending() {
        return hasStatus(InvitationStatus.PENDING);
    }

    /**
     * Checks that the invitation is PROVISIONED (created, not sent yet).
     *
     * @return these assertions
     */
    public InvitationAssert isProvisioned() {
        return hasStatus(InvitationStatus.PROVISIONED);
    }

    /**
     * Checks that the invitation is AWAITING_APPROVAL.
     *
     * @return these assertions
     */
    public InvitationAssert isAwaitingApproval() {
        return hasStatus(InvitationStatus.AWAITING_APPROVAL);
    }

    /**
     * Checks that the invitation is ACCEPTED.
     *
     * @return these assertions
     */
    public InvitationAssert isAccepted() {
        return hasStatus(InvitationStatus.ACCEPTED);
    }

    /**
     * Checks that the invitation is DECLINED.
     *
     * @return these assertions
     */
    public InvitationAssert isDeclined() {
        return hasStatus(InvitationStatus.DECLINED);
    }

    /**
     * Checks that the invitation is REVOKED.
     *
     * @return these assertions
     */
    public InvitationAssert isRevoked() {
        return hasStatus(InvitationStatus.REVOKED);
    }

    /**
     * Checks that the invitation is stored as EXPIRED.
     *
     * @return these assertions
     */
    public InvitationAssert isExpired() {
        return hasStatus(InvitationStatus.EXPIRED);
    }

    /**
     * Checks that the invitation is REJECTED (an approval was refused).
     *
     * @return these assertions
     */
    public InvitationAssert isRejected() {
        return hasStatus(InvitationStatus.REJECTED);
    }

    /**
     * Checks that the stored status is open (it blocks a second invitation of the same person).
     *
     * @return these assertions
     */
    public InvitationAssert isOpen() {
        isNotNull();
        if (!actual.status().isOpen()) {
            failWithMessage("expected invitation %s to be open but its status was %s", actual.id(), actual.status());
        }
        return this;
    }

    /**
     * Checks the tenant.
     *
     * @param expected the tenant, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasTenant(TenantId expected) {
        Objects.requireNonNull(expected, "expected");
        return has("tenant", Invitation::tenantId, expected);
    }

    /**
     * Checks the tenant by its id.
     *
     * @param expected the tenant's id, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasTenant(String expected) {
        return hasTenant(TenantId.of(expected));
    }

    /**
     * Checks the invitee's contact (email or identifier), as the store matches it: emails whatever
     * their case.
     *
     * @param expected the contact, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasContact(Contact expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (!actual.invitee().contact().matchKey().equals(expected.matchKey())) {
            failWithMessage("expected invitation %s to be for %s but it was for %s", actual.id(), expected,
                    actual.invitee().contact());
        }
        return this;
    }

    /**
     * Checks the invitee's email address, whatever its case.
     *
     * @param expected the address, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasEmail(String expected) {
        return hasContact(EmailAddress.of(expected));
    }

    /**
     * Checks the role of the grant.
     *
     * @param expected the role, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasRole(String expected) {
        Objects.requireNonNull(expected, "expected");
        return has("role", i -> i.grant().role(), expected);
    }

    /**
     * Checks the whole grant.
     *
     * @param expected the grant, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasGrant(Grant expected) {
        Objects.requireNonNull(expected, "expected");
        return has("grant", Invitation::grant, expected);
    }

    /**
     * Checks what the invitation is for.
     *
     * @param expected the target, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasTarget(Target expected) {
        Objects.requireNonNull(expected, "expected");
        return has("target", Invitation::target, expected);
    }

    /**
     * Checks who invited.
     *
     * @param expectedUserId the inviter's user id, not {@code null}
     * @return these assertions
     */
    public InvitationAssert wasInvitedBy(String expectedUserId) {
        Objects.requireNonNull(expectedUserId, "expectedUserId");
        return has("inviter", Invitation::invitedBy, expectedUserId);
    }

    /**
     * Checks how the invitation came about (single, bulk, link ...).
     *
     * @param expected the source, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasSource(InvitationSource expected) {
        Objects.requireNonNull(expected, "expected");
        return has("source", Invitation::source, expected);
    }

    /**
     * Checks the expiry.
     *
     * @param expected the instant, not {@code null}
     * @return these assertions
     */
    public InvitationAssert expiresAt(Instant expected) {
        Objects.requireNonNull(expected, "expected");
        return has("expiry", Invitation::expiresAt, expected);
    }

    /**
     * Checks the account id linked at acceptance.
     *
     * @param expected the account id, not {@code null}
     * @return these assertions
     */
    public InvitationAssert hasAccountId(String expected) {
        Objects.requireNonNull(expected, "expected");
        return has("account id", Invitation::accountId, expected);
    }

    /**
     * Checks the stored version (1 when first written).
     *
     * @param expected the version
     * @return these assertions
     */
    public InvitationAssert hasVersion(long expected) {
        return has("version", Invitation::version, expected);
    }

    /**
     * Checks how many times the invitation was resent.
     *
     * @param expected the count
     * @return these assertions
     */
    public InvitationAssert hasResendCount(int expected) {
        return has("resend count", Invitation::resendCount, expected);
    }

    private InvitationAssert has(String what, Function<Invitation, Object> component, Object expected) {
        isNotNull();
        Object value = component.apply(actual);
        if (!Objects.equals(value, expected)) {
            failWithActualExpectedAndMessage(value, expected, "expected invitation %s to have %s <%s> but was <%s>",
                    actual.id(), what, expected, value);
        }
        return this;
    }
}
