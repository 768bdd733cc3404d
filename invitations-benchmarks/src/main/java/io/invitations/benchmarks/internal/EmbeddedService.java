package io.invitations.benchmarks.internal;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.Batches;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The facade on the embedded default (in-memory store, directory, seat ledger, settings, recording
 * mailer), with a fixed signing key, the system clock and random ids, as a host would start it;
 * plus the requests and claims the facade benchmarks use.
 */
public final class EmbeddedService {
    /** The tenant everybody is invited into. */
    public static final TenantId TENANT = TenantId.of("acme");
    /** The tenant's administrator, who invites. */
    public static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    /** The signing key's bytes, also used by the primitive HMAC so that both sign with the same key. */
    public static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private EmbeddedService() {
    }

    /**
     * Starts a fresh service: nothing stored yet. Messages are only queued
     * ({@link DeliveryMode#HOST_DRIVEN}): the benchmarks measure creating and queueing, not rendering
     * and delivering.
     *
     * @return the service
     */
    public static InvitationService start() {
        return InvitationService.builder().keyRing(InMemoryKeyRing.of(SigningKey.of("k1", KEY)))
                .deliveryMode(DeliveryMode.HOST_DRIVEN).build();
    }

    /**
     * Checks rows as a bulk dry run would, in waves of the tenant's default bulk limit (500 rows per
     * call), as the member role by default.
     *
     * @param service the service
     * @param rows    the rows, e.g. from an importer
     * @return how many rows would be created
     */
    public static int dryRun(InvitationService service, List<InvitationRow> rows) {
        int creatable = 0;
        for (List<InvitationRow> wave : Batches.split(rows, TenantSettings.defaults().bulkLimit())) {
            BulkReport report = service.administration(ADMIN, TENANT).bulk(BulkRequest.builder(wave).defaultRole("member")
                    .mode(BulkMode.DRY_RUN).build());
            creatable += report.count(BulkOutcome.CREATED);
        }
        return creatable;
    }

    /**
     * Builds invite requests for different people: email, first and last name, role and one group,
     * the same fields as {@link InviteForm}.
     *
     * @param count how many
     * @return the requests, in order
     */
    public static List<InviteRequest> requests(int count) {
        List<InviteRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(InviteRequest.builder().email("person-" + i + "@example.com")
                    .name("Person", "Number " + i).role("member").groups("Sales").build());
        }
        return requests;
    }

    /**
     * Builds forms with the values of {@link #requests(int)}.
     *
     * @param count how many
     * @return the forms, in order
     */
    public static List<InviteForm> forms(int count) {
        List<InviteForm> forms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            forms.add(new InviteForm("person-" + i + "@example.com", "Person", "Number " + i, "member",
                    Set.of("Sales"), null));
        }
        return forms;
    }

    /**
     * Invites people and returns their claim-link tokens, as an administrator reveals them.
     *
     * @param service the service
     * @param count   how many people
     * @return one token per pending invitation
     */
    public static List<String> pendingTokens(InvitationService service, int count) {
        List<String> tokens = new ArrayList<>(count);
        InvitationAdministration admin = service.administration(ADMIN, TENANT);
        for (InviteRequest request : requests(count)) {
            Invitation invitation = admin.invite(request);
            tokens.add(admin.revealClaimLink(invitation.id()).token());
        }
        return tokens;
    }

    /**
     * Builds a complete claim for a tenant without SSO (a password, nothing else asked).
     *
     * @param token the link token
     * @return the claim
     */
    public static ClaimRequest claim(String token) {
        return ClaimRequest.builder(token).password(PASSWORD).build();
    }
}
