package io.invitations.core.internal;

import io.invitations.core.invitee.ContactSkeleton;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.policy.Refusal;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.identity.LookAlikeAnswer;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.Page;

import java.net.IDN;
import java.util.Optional;

/**
 * Finds whether a new contact looks like (has the same {@link ContactSkeleton skeleton} as, without
 * being equal to) the contact of someone already invited or a member through an invitation in the
 * tenant, or of a member the identity directory knows
 * ({@link io.invitations.spi.identity.IdentityDirectory#memberLookingLike}).
 *
 * <p>Only a contact with a character beyond ASCII (after NFKC; a punycode domain is read as Unicode)
 * is compared: an all-ASCII contact
 * cannot be a homoglyph of another under the skeletons this engine ships, and comparing only those
 * keeps the scan off the common path. The scan reads the tenant's provisioned, pending,
 * awaiting-approval and accepted invitations page by page, then asks the identity directory about
 * its members with the same skeleton function; a directory that keeps the SPI's default answers
 * {@code UNKNOWN}, and then members who never came through an invitation are not compared.
 */
final class LookAlikes {
    private static final InvitationStatus[] EXISTING = {InvitationStatus.PENDING, InvitationStatus.ACCEPTED,
            InvitationStatus.AWAITING_APPROVAL};
    /** The prefix of a punycode label (domains are lower-cased). */
    private static final String ACE_PREFIX = "xn--";

    private LookAlikes() {
    }

    /**
     * Whether a contact looks like an existing one of the tenant.
     *
     * @param ctx      the context
     * @param tenantId the tenant
     * @param contact  the new contact, already normalised
     * @return {@code true} when another contact of the tenant has the same skeleton
     */
    static boolean any(Context ctx, TenantId tenantId, Contact contact) {
        if (contact instanceof EmailAddress e && ContactText.ascii(e.value()) && !e.domain().contains(ACE_PREFIX)) {
            // all ASCII, and no punycode label that reads as Unicode: the common case, without IDN
            return false;
        }
        String text = contact instanceof EmailAddress e ? e.localPart() + "@" + unicodeDomain(e)
                : ((Identifier) contact).value();
        if (ContactText.ascii(text)) {
            return false;
        }
        ContactSkeleton skeleton = ctx.skeleton();
        String wanted = skeleton(skeleton, contact);
        InvitationQuery query = InvitationQuery.builder(tenantId)
                .statuses(InvitationStatus.PROVISIONED, EXISTING)
                .page(0, InvitationQuery.MAX_LIMIT).build();
        Page<Invitation> page;
        do {
            page = ctx.store().query(query);
            for (Invitation i : page.items()) {
                Contact other = i.invitee().contact();
                if (other.getClass() == contact.getClass() && !other.matchKey().equals(contact.matchKey())
                        && skeleton(skeleton, other).equals(wanted)) {
                    return true;
                }
            }
            query = query.nextPage();
        } while (page.hasMore());
        return ctx.directory().memberLookingLike(tenantId, contact, c -> skeleton(skeleton, c))
                == LookAlikeAnswer.LOOKS_ALIKE;
    }

    /**
     * The refusal of a look-alike contact: names neither the existing contact nor its invitation.
     *
     * @param contact the new contact
     * @return the refusal
     */
    static Refusal refusal(Contact contact) {
        String field = contact instanceof EmailAddress ? "email" : "identifier";
        return new Refusal(ErrorCode.CONTACT_CONFUSABLE, field, contact + " looks like (is confusable with) the "
                + field + " of someone already invited to or a member of this tenant; check the " + field
                + " letter by letter, or ask an administrator to allow look-alikes (TenantSettings.lookAlikes FLAG)");
    }

    private static String skeleton(ContactSkeleton skeleton, Contact contact) {
        if (contact instanceof EmailAddress e) {
            return skeleton.skeleton(ContactText.nfkc(e.localPart())) + "@"
                    + skeleton.skeleton(ContactText.nfkc(unicodeDomain(e)));
        }
        Identifier id = (Identifier) contact;
        return id.kind().name() + ":" + skeleton.skeleton(ContactText.nfkc(id.value()));
    }

    /** The domain as people read it: punycode ({@code xn--}) labels turned back into Unicode. */
    private static String unicodeDomain(EmailAddress e) {
        try {
            return IDN.toUnicode(e.domain(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException ex) {
            return e.domain();
        }
    }

    /**
     * Returns the look-alike refusal for a contact when the tenant refuses look-alikes and it is one.
     *
     * @param ctx      the context
     * @param tenantId the tenant
     * @param contact  the contact
     * @param refuse   whether the tenant refuses look-alikes
     * @return the refusal, or empty
     */
    static Optional<Refusal> refusalIf(Context ctx, TenantId tenantId, Contact contact, boolean refuse) {
        return refuse && any(ctx, tenantId, contact) ? Optional.of(refusal(contact)) : Optional.empty();
    }
}
