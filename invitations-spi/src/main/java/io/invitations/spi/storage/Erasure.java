package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One invitation's erasure, as {@link InvitationStore#erase(Erasure)} applies it: the invitee's
 * contact becomes a tombstone (an {@link Identifier} of kind {@link #TOMBSTONE_KIND} whose value is a
 * keyed hash of the contact, never the contact itself), names and personal message are removed,
 * every history reason and outbox error or feedback detail of the invitation loses the personal texts
 * ({@link #personalTexts(Invitation)}), and {@link #entry()} is appended to the history.
 *
 * <p>The static helpers say exactly what a store changes, so that every store erases alike.
 *
 * @param tenantId     the tenant, not {@code null}
 * @param invitationId the invitation, not {@code null}
 * @param tombstone    the contact's tombstone, of kind {@link #TOMBSTONE_KIND}; not {@code null}
 * @param entry        the ERASE history entry to append, of the same invitation; not {@code null}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record Erasure(TenantId tenantId, InvitationId invitationId, Identifier tombstone, HistoryEntry entry) {
    /** The identifier kind of tombstones: {@code erased}. */
    public static final IdentifierKind TOMBSTONE_KIND = IdentifierKind.of("erased");

    /** What replaces a personal text inside a history reason or an outbox error. */
    public static final String MARK = "[erased]";

    /**
     * Validates the erasure.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} if a component is missing, the
     *         tombstone is not of kind {@link #TOMBSTONE_KIND}, or the entry is of another invitation
     */
    public Erasure {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(invitationId, "invitationId");
        InvitationException.requireValue(tombstone, "tombstone");
        InvitationException.requireValue(entry, "entry");
        if (!isTombstone(tombstone)) {
            throw InvitationException.invalidValue("tombstone must be an identifier of kind "
                    + TOMBSTONE_KIND.name() + ": build it with Erasure.tombstone(hash)");
        }
        if (!entry.tenantId().equals(tenantId) || !entry.invitationId().equals(invitationId)) {
            throw InvitationException.invalidValue("entry must belong to invitation " + invitationId
                    + " of tenant " + tenantId);
        }
    }

    /**
     * Builds a tombstone contact from a keyed hash.
     *
     * @param hash the keyed hash of the contact (e.g. {@code keyId:base64url}), not blank
     * @return the tombstone
     */
    public static Identifier tombstone(String hash) {
        return Identifier.of(TOMBSTONE_KIND, hash);
    }

    /**
     * Tells whether a contact is a tombstone, i.e. whether its invitation was erased.
     *
     * @param contact the contact, not {@code null}
     * @return {@code true} for a tombstone
     */
    public static boolean isTombstone(Contact contact) {
        return contact instanceof Identifier id && id.kind().equals(TOMBSTONE_KIND);
    }

    /**
     * Returns the personal texts of an invitation that must not survive its erasure: the contact's
     * value, the names and the personal message, longest first.
     *
     * @param invitation the invitation before erasure, not {@code null}
     * @return the texts, without blanks
     */
    public static List<String> personalTexts(Invitation invitation) {
        Invitee invitee = invitation.invitee();
        List<String> texts = new ArrayList<>();
        if (!isTombstone(invitee.contact())) {
            texts.add(invitee.contact() instanceof Identifier id ? id.value() : invitee.contact().toString());
        }
        for (String s : new String[] {invitee.firstName(), invitee.lastName(), invitee.displayName(),
                invitation.personalMessage()}) {
            if (s != null && !s.isBlank()) {
                texts.add(s.strip());
            }
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
        return texts;
    }

    /**
     * Returns a text with every personal text replaced by {@link #MARK}, case-insensitively.
     *
     * @param text          the text, or {@code null}
     * @param personalTexts what to remove, from {@link #personalTexts(Invitation)}
     * @return the scrubbed text, or {@code null} for {@code null}
     */
    public static String scrub(String text, List<String> personalTexts) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String p : personalTexts) {
            out = Pattern.compile(Pattern.quote(p), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement(MARK));
        }
        return out;
    }

    /**
     * Returns the invitation as a store keeps it after this erasure: tombstone contact, no names, no
     * personal message, the last delivery error scrubbed; version one higher and updated at the
     * entry's instant.
     *
     * @param before the invitation as stored, not {@code null}
     * @return the erased invitation
     */
    public Invitation apply(Invitation before) {
        List<String> texts = personalTexts(before);
        DeliveryState d = before.delivery();
        return before.toBuilder().invitee(new Invitee(tombstone, null, null, null)).personalMessage(null)
                .delivery(new DeliveryState(d.status(), d.sendCount(), d.lastQueuedAt(), d.lastDeliveredAt(),
                        scrub(d.lastError(), texts)))
                .updatedAt(entry.at()).version(before.version() + 1).build();
    }
}
