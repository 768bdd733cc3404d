package io.invitations.core.internal;

import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.invitee.Invitees;
import io.invitations.spi.event.InvitationEvent.AccountMismatch.Outcome;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.settings.TenantSettings;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Locale;

/**
 * Acceptance by another account: compares the address an invitee accepts with to the one invited,
 * and applies the tenant's {@code OtherAccountPolicy}. Stateless.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class OtherAccounts {
    private OtherAccounts() {
    }

    /**
     * What the policy made of an acceptance with another address.
     *
     * @param outcome REFUSED, ACCEPTED_AS_ALIAS or HELD_FOR_APPROVAL
     * @param reason  the history entry's detail
     */
    record Verdict(Outcome outcome, String reason) {
    }

    /**
     * Returns the address in normal form (NFKC, IDN domain in ASCII, lower-case domain).
     *
     * @param address the address as given, or {@code null}
     * @return the normal form, or {@code null}
     */
    static EmailAddress normal(EmailAddress address) {
        return address == null ? null : new EmailAddress(Invitees.normalizeEmail(address.value()).orElse(address.value()));
    }

    /**
     * Checks and normalises the address a claim names.
     *
     * @param given the address the host passed, or {@code null}
     * @return its normal form, or {@code null}
     * @throws InvalidRequestException naming {@code acceptingAs} if it holds an invisible or
     *                                 direction-changing character or its domain is not a valid domain name
     */
    static EmailAddress accepting(EmailAddress given) {
        if (given == null) {
            return null;
        }
        java.util.Optional<String> unsafe = ContactText.unsafeCharacter("acceptingAs", given.value());
        java.util.Optional<String> normal = Invitees.normalizeEmail(given.value());
        if (unsafe.isPresent() || normal.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("acceptingAs", unsafe.orElse(
                    "is not an address with a valid domain name; pass the address the invitee signed in with,"
                            + " e.g. jane@example.com"))));
        }
        return new EmailAddress(normal.get());
    }

    /**
     * Tells whether the person accepting is taken to be the one invited: no address was named, the
     * invitation went to an identifier (the access code proved who it is), or the addresses are
     * equal after normalisation and lower-casing.
     *
     * @param invited   the invited contact
     * @param accepting the accepting address, or {@code null}
     * @return {@code true} when there is no mismatch
     */
    static boolean isInvited(Contact invited, EmailAddress accepting) {
        return accepting == null || !(invited instanceof EmailAddress email) || key(email).equals(key(accepting));
    }

    private static String key(EmailAddress address) {
        // lower-casing only: an upper-case round trip would fold look-alikes into ASCII (dotless ı to i);
        // ß and ss, or final and medial sigma, stay different addresses, which errs on the safe side
        return normal(address).value().toLowerCase(Locale.ROOT);
    }

    /**
     * Applies the tenant's policy to an acceptance with another address than the one invited.
     *
     * @param ctx        the context (the identity directory is asked under VERIFIED_ALIAS)
     * @param settings   the tenant's settings
     * @param invitation the invitation
     * @param accepting  the accepting address, normalised
     * @return the verdict
     */
    static Verdict judge(Context ctx, TenantSettings settings, Invitation invitation, EmailAddress accepting) {
        switch (settings.otherAccounts()) {
            case APPROVAL:
                return new Verdict(Outcome.HELD_FOR_APPROVAL,
                        "held for approval: accepted with another address than the one invited");
            case VERIFIED_ALIAS:
                if (settings.aliasDomains().contains(accepting.domain())) {
                    return new Verdict(Outcome.ACCEPTED_AS_ALIAS, "accepted with another address of an alias domain");
                }
                if (ctx.directory().samePerson(invitation.tenantId(), invitation.invitee().contact(), accepting)) {
                    return new Verdict(Outcome.ACCEPTED_AS_ALIAS,
                            "accepted with another address the identity directory confirmed as the same person's");
                }
                return new Verdict(Outcome.REFUSED, null);
            default:
                return new Verdict(Outcome.REFUSED, null);
        }
    }

    /**
     * Finds the ACCEPT entry that put an invitation awaiting approval because it came from another
     * address than the one invited.
     *
     * @param ctx        the context
     * @param invitation the invitation, AWAITING_APPROVAL
     * @return that entry, or {@code null} when the invitation awaits approval for the person invited
     */
    static HistoryEntry heldMismatch(Context ctx, Invitation invitation) {
        if (invitation.status() != InvitationStatus.AWAITING_APPROVAL) {
            return null;
        }
        List<HistoryEntry> history = ctx.store().history(invitation.tenantId(), invitation.id());
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry e = history.get(i);
            if (e.action() == Action.ACCEPT && e.to() == InvitationStatus.AWAITING_APPROVAL) {
                return isInvited(invitation.invitee().contact(), e.acceptingAddress()) ? null : e;
            }
        }
        return null;
    }
}
