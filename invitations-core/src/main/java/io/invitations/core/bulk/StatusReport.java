package io.invitations.core.bulk;

import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.List;

/**
 * The columns of the invitation status report, shared by the CSV and XLSX exports so that both say
 * the same thing. Statuses are effective as of the report's instant (a pending invitation past its
 * expiry reads EXPIRED). Values are raw; exporters {@link CellText#neutralize(String) neutralise}
 * them. The header names are ones the importers recognise, so an exported report can be imported
 * again.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class StatusReport {
    /** The header row. */
    public static final List<String> HEADERS = List.of("email", "identifier kind", "identifier", "first name",
            "last name", "display name", "role", "membership", "groups", "status", "invited by", "created at",
            "invited at", "expires at", "responded at", "delivery", "invitation id");

    private StatusReport() {
    }

    /**
     * Returns one invitation's cells, in {@link #HEADERS} order.
     *
     * @param invitation the invitation
     * @param now        the instant statuses are judged at
     * @return the cells; empty strings for absent values
     */
    public static List<String> row(Invitation invitation, Instant now) {
        String email = invitation.invitee().contact() instanceof EmailAddress e ? e.value() : "";
        String kind = invitation.invitee().contact() instanceof Identifier id ? id.kind().name() : "";
        String identifier = invitation.invitee().contact() instanceof Identifier id ? id.value() : "";
        return List.of(email, kind, identifier, text(invitation.invitee().firstName()),
                text(invitation.invitee().lastName()), text(invitation.invitee().displayName()),
                invitation.grant().role(), invitation.grant().membershipType().name().toLowerCase(java.util.Locale.ROOT),
                String.join(";", invitation.grant().groups().stream().sorted().toList()),
                invitation.effectiveStatus(now).name(), invitation.invitedBy(), text(invitation.createdAt()),
                text(invitation.invitedAt()), text(invitation.expiresAt()), text(invitation.respondedAt()),
                invitation.delivery().status().name(), invitation.id().value());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
