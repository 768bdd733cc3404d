package io.invitations.core.bulk;

import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.invitations.core.bulk.BulkFixture.ACME;
import static io.invitations.core.bulk.BulkFixture.ADMIN;
import static io.invitations.core.bulk.BulkFixture.request;
import static io.invitations.core.bulk.BulkFixture.row;
import static io.invitations.core.bulk.BulkFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Exporting claim links")
class ClaimLinkExportTest {
    private final BulkFixture f = new BulkFixture();

    @Test
    void an_administrator_gets_the_re_derived_link_of_every_pending_invitation_and_each_link_opens_it() {
        f.service.administration(ADMIN, ACME).bulk(request(rows(3)).build());
        f.service.administration(ADMIN, ACME).bulk(request(List.of(row(9, "later@example.com"))).batchId(BatchId.of("b-2"))
                .action(BulkAction.PROVISION).build());

        List<ClaimLinkEntry> entries = f.service.administration(ADMIN, ACME).exportClaimLinks(null);

        assertThat(entries).hasSize(3).allSatisfy(e -> {
            String url = Secrets.issued(e.claimUrl());
            assertThat(url).isEqualTo(f.service.administration(ADMIN, ACME).revealClaimLink(e.invitation().id()).url());
            assertThat(f.service.invitee().inspect(url.substring(url.lastIndexOf('/') + 1)).invitationId())
                    .isEqualTo(e.invitation().id());
            assertThat(e.toString()).doesNotContain(url).contains(e.invitation().id().value());
        });
    }

    @Test
    void the_export_can_be_narrowed_to_one_batch_and_leaves_out_expired_invitations() {
        f.service.administration(ADMIN, ACME).bulk(request(rows(2)).build());
        f.clock.advance(Duration.ofDays(8));
        f.service.administration(ADMIN, ACME).bulk(request(List.of(row(2, "fresh@example.com"))).batchId(BatchId.of("b-2")).build());

        assertThat(f.service.administration(ADMIN, ACME).exportClaimLinks(null)).hasSize(1);
        assertThat(f.service.administration(ADMIN, ACME).exportClaimLinks(BatchId.of("b-2"))).hasSize(1);
        assertThat(f.service.administration(ADMIN, ACME).exportClaimLinks(BulkFixture.BATCH)).isEmpty();
    }

    @Test
    void below_an_administrator_level_the_export_is_refused_with_level_too_low() {
        f.service.administration(ADMIN, ACME).bulk(request(rows(1)).build());

        for (PermissionLevel level : List.of(PermissionLevel.USER, PermissionLevel.HR_LOCAL, PermissionLevel.HR_TENANT)) {
            assertThatThrownBy(() -> f.service.administration(Inviter.of("u", "U", level), ACME).exportClaimLinks(null))
                    .isInstanceOfSatisfying(PolicyViolationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW));
        }
    }

    @Test
    void a_local_administrator_gets_the_links_of_their_units_only() {
        f.service.administration(ADMIN, ACME).bulk(request(rows(2)).unit(UnitId.of("paris")).build());
        f.service.administration(ADMIN, ACME).bulk(request(List.of(row(2, "b@example.com"))).unit(UnitId.of("berlin")).batchId(BatchId.of("b-2"))
                .build());
        Inviter parisAdmin = Inviter.of("pa", "Paris Admin", PermissionLevel.ADMIN_LOCAL)
                .withUnits(Set.of(UnitId.of("paris")));

        assertThat(f.service.administration(parisAdmin, ACME).exportClaimLinks(null))
                .extracting(e -> e.invitation().grant().unit()).containsOnly(UnitId.of("paris")).hasSize(2);
    }
}
