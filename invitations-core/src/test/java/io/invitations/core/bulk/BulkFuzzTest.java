package io.invitations.core.bulk;

import io.invitations.core.bulk.internal.BulkValidationFuzzTest;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.invitations.core.bulk.BulkFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("Bulk calls over seeded random inputs")
class BulkFuzzTest {
    private static final List<Inviter> INVITERS = List.of(BulkFixture.ADMIN,
            Inviter.of("u", "U", PermissionLevel.USER),
            Inviter.of("hr", "H", PermissionLevel.HR_TENANT),
            Inviter.of("la", "L", PermissionLevel.ADMIN_LOCAL).withUnits(Set.of(UnitId.of("paris"))));

    @Test
    void random_rows_never_escape_as_an_untyped_exception_and_a_dry_run_never_writes() {
        long base = Long.getLong("fuzz.seed", new Random().nextLong());
        for (int run = 0; run < 150; run++) {
            long seed = base + run;
            Random random = new Random(seed);
            BulkFixture f = new BulkFixture();
            try {
                if (random.nextBoolean()) {
                    f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER).allowedDomains(
                            random.nextBoolean() ? Set.of() : Set.of("example.com")).guestsAllowed(random.nextBoolean())
                            .quota(random.nextBoolean() ? null : InviteQuota.of(1 + random.nextInt(5), Duration.ofDays(1))));
                }
                if (random.nextBoolean()) {
                    f.seats.setLimit(ACME, random.nextInt(10));
                }
                f.directory.addMember(ACME, EmailAddress.of("jane@example.com"));
                List<InvitationRow> rows = BulkValidationFuzzTest.randomRows(random, 1 + random.nextInt(30));
                BulkMode mode = BulkMode.values()[random.nextInt(BulkMode.values().length)];
                Inviter inviter = INVITERS.get(random.nextInt(INVITERS.size()));
                BulkRequest request = BulkFixture.request(rows)
                        .mode(mode).unit(random.nextBoolean() ? UnitId.of("paris") : null)
                        .action(random.nextBoolean() ? BulkAction.INVITE : BulkAction.PROVISION).build();
                BulkReport report;
                try {
                    report = f.service.administration(inviter, ACME).bulk(request);
                } catch (InvitationException typed) {
                    assertThat(f.store.writeCalls()).as("a refused call writes nothing").isZero();
                    continue;
                }
                assertThat(report.lines()).hasSize(rows.size());
                long created = report.lines().stream().filter(l -> l.outcome().isCreated()).count();
                if (mode == BulkMode.DRY_RUN) {
                    assertThat(f.store.writeCalls()).isZero();
                    assertThat(f.store.count(ACME)).isZero();
                } else {
                    assertThat(f.store.count(ACME)).isEqualTo(created);
                    assertThat(f.store.writeCalls()).isLessThanOrEqualTo(1);
                    assertThat(f.events).hasSize((int) created);
                }
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + seed + " failed: " + e, e);
            }
        }
    }
}
