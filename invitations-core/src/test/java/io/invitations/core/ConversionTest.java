package io.invitations.core;

import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.conversion.ConversionFunnel;
import io.invitations.core.conversion.ConversionGroup;
import io.invitations.core.conversion.ConversionReport;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.storage.OutboxMessage.DeliveryStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Conversion: sent, delivered, opened, accepted and time to accept, per tenant, inviter, batch and channel")
class ConversionTest {
    private final Fixture f = new Fixture();
    private final Inviter alice = user("alice", PermissionLevel.USER);

    private Invitation inviteAs(Inviter inviter, String email) {
        return f.service.administration(inviter, ACME).invite(f.request(email).build());
    }

    private void accept(Invitation inv) {
        f.service.invitee().accept(claim(f.token(inv)));
    }

    @Test
    void the_administrator_sees_each_funnel_from_the_stored_history() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        Instant start = f.clock.instant();
        Invitation a1 = inviteAs(alice, "a1@example.com");
        Invitation a2 = inviteAs(alice, "a2@example.com");
        Invitation a3 = inviteAs(alice, "a3@example.com");
        Invitation admin1 = f.invite("b1@example.com");
        Invitation phone = f.service.administration(ADMIN, ACME).invite(InviteRequest.builder()
                .identifier(IdentifierKind.PHONE, "+15550100").role("member").build());
        BulkReport batch = f.service.administration(ADMIN, ACME).bulk(BulkRequest.builder(List.of(
                InvitationRow.builder(2).set(RowField.EMAIL, "c1@example.com").build(),
                InvitationRow.builder(3).set(RowField.EMAIL, "c2@example.com").build())).defaultRole("member").build());
        f.service.maintenance().deliverDueMessages();
        // a2 bounces; a1 is opened, then accepted after 1 hour; admin1 accepted after 3 hours without an open
        f.service.deliveryFeedback().record(new DeliveryReport("test", List.of(f.store.outbox(ACME, a2.id()).get(0).id()),
                DeliveryStep.HARD_BOUNCED, f.clock.instant(), "550"));
        f.service.invitee().inspect(f.token(a1));
        f.service.invitee().inspect(f.token(a1));
        f.clock.advance(Duration.ofHours(1));
        accept(a1);
        f.clock.advance(Duration.ofHours(2));
        accept(admin1);
        f.service.invitee().inspect(f.token(a3));
        Instant end = f.clock.instant().plusSeconds(1);
        InvitationAdministration admin = f.service.administration(ADMIN, ACME);

        ConversionReport byInviter = admin.conversion(start, end, ConversionGroup.INVITER);
        assertThat(byInviter.funnel("alice")).contains(new ConversionFunnel("alice", 3, 2, 2, 1,
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));
        assertThat(byInviter.funnels()).extracting(ConversionFunnel::key).containsExactly("admin-1", "alice");

        ConversionFunnel tenant = admin.conversion(start, end, ConversionGroup.TENANT).funnel("acme").orElseThrow();
        assertThat(tenant.sent()).isEqualTo(7);
        assertThat(tenant.delivered()).as("the bounced one is not delivered; the code one needs no mail").isEqualTo(6);
        assertThat(tenant.opened()).isEqualTo(3);
        assertThat(tenant.accepted()).isEqualTo(2);
        assertThat(tenant.p50()).isEqualTo(Duration.ofHours(1));
        assertThat(tenant.p90()).isEqualTo(Duration.ofHours(3));
        assertThat(tenant.acceptanceRate()).isEqualTo(2 / 7.0);

        ConversionReport byChannel = admin.conversion(start, end, ConversionGroup.CHANNEL);
        assertThat(byChannel.funnel("EMAIL").orElseThrow().sent()).isEqualTo(6);
        assertThat(byChannel.funnel("CODE").orElseThrow().sent()).isEqualTo(1);
        assertThat(byChannel.funnel("LINK")).isEmpty();

        ConversionReport byBatch = admin.conversion(start, end, ConversionGroup.BATCH);
        assertThat(byBatch.funnels()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo(batch.batchId().value());
            assertThat(b.sent()).isEqualTo(2);
            assertThat(b.accepted()).isZero();
            assertThat(b.p50()).isNull();
        });
        assertThat(phone.id()).isNotNull();
        assertThat(f.eventTypes()).filteredOn("invitation.opened"::equals).as("only the first open counts").hasSize(2);
    }

    @Test
    void the_period_is_by_sending_time_and_must_not_be_empty() {
        Instant before = f.clock.instant();
        f.invite("a@example.com");
        f.clock.advance(Duration.ofDays(1));
        Instant later = f.clock.instant();
        f.invite("b@example.com");
        InvitationAdministration admin = f.service.administration(ADMIN, ACME);
        assertThat(admin.conversion(before, later, ConversionGroup.TENANT).funnel("acme").orElseThrow().sent())
                .isEqualTo(1);
        assertThat(admin.conversion(later, later.plusSeconds(1), ConversionGroup.TENANT).funnels()).hasSize(1);
        // a bad value is a typed INVALID_REQUEST naming the field (ADR 0018), not an IllegalArgumentException
        assertThatThrownBy(() -> admin.conversion(later, before, ConversionGroup.TENANT))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(io.invitations.spi.ErrorCode.INVALID_REQUEST);
                    assertThat(e.fields()).containsExactly("until");
                })
                .hasMessageContaining("is empty").hasMessageContaining("until must be after from");
        assertThatThrownBy(() -> admin.conversion(later, later, ConversionGroup.TENANT))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                        .containsExactly("until"));
    }

    @Test
    void a_link_join_counts_in_the_link_channel() {
        f.configure(s -> s.linkInvitationsEnabled(true));
        Instant start = f.clock.instant();
        var link = f.service.administration(ADMIN, ACME).createShareableLink(
                io.invitations.core.link.ShareableLinkRequest.builder().role("member").build());
        Secrets.issued(link.token());
        f.service.invitee().joinShareableLink(ShareableLinkTest.join(link.token(), "j@example.com"));
        ConversionFunnel links = f.service.administration(ADMIN, ACME)
                .conversion(start, f.clock.instant().plusSeconds(1), ConversionGroup.CHANNEL).funnel("LINK").orElseThrow();
        assertThat(links.sent()).isEqualTo(1);
        assertThat(links.accepted()).isEqualTo(1);
        assertThat(links.p50()).isEqualTo(Duration.ZERO);
    }
}
