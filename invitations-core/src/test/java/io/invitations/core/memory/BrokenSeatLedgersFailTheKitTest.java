package io.invitations.core.memory;

import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.tck.SeatLedgerCompatibilityKit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.memory.KitRun.RUN_BY_THE_LAUNCHER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the seat ledger kit catches broken ledgers: it runs the kit, through the JUnit
 * Platform launcher ({@link KitRun}), against the in-memory ledger ({@link InMemorySeatLedgerCompatibilityTest}) and against each ledger of
 * {@link BrokenAdapters}, and checks which checks fail.
 */
class BrokenSeatLedgersFailTheKitTest {

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class LedgerTakingZeroForUnlimited extends SeatLedgerCompatibilityKit {
        @Override
        protected SeatLedger createLedger() {
            return new BrokenAdapters.ZeroMeansUnlimited();
        }

        @Override
        protected void setLimit(SeatLedger ledger, TenantId tenant, long limit) {
            ((BrokenAdapters.ZeroMeansUnlimited) ledger).delegate().setLimit(tenant, limit);
        }

        @Override
        protected void setSeatsInUse(SeatLedger ledger, TenantId tenant, long seats) {
            ((BrokenAdapters.ZeroMeansUnlimited) ledger).delegate().setSeatsInUse(tenant, seats);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class LedgerIgnoringTenants extends SeatLedgerCompatibilityKit {
        @Override
        protected SeatLedger createLedger() {
            return new BrokenAdapters.OneForAllTenants();
        }

        @Override
        protected void setLimit(SeatLedger ledger, TenantId tenant, long limit) {
            ((BrokenAdapters.OneForAllTenants) ledger).setLimit(limit);
        }

        @Override
        protected void setSeatsInUse(SeatLedger ledger, TenantId tenant, long seats) {
            ((BrokenAdapters.OneForAllTenants) ledger).setSeatsInUse(seats);
        }
    }

    @Test
    @DisplayName("the in-memory ledger passes every check of the kit, and the kit has at least 9")
    void correctLedgerPassesEverything() {
        KitRun run = KitRun.of(InMemorySeatLedgerCompatibilityTest.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    @DisplayName("a ledger that takes a limit of zero for no limit fails the zero-limit check only")
    void ledgerTakingZeroForUnlimitedIsCaught() {
        KitRun run = KitRun.of(LedgerTakingZeroForUnlimited.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("Limits.zeroIsALimit");
    }

    @Test
    @DisplayName("a ledger that keeps one limit and count for all tenants fails the tenant checks")
    void ledgerIgnoringTenantsIsCaught() {
        KitRun run = KitRun.of(LedgerIgnoringTenants.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Limits.limitsStayInTheirTenant",
                "SeatsInUse.seatsStayInTheirTenant");
        assertThat(run.passed()).contains("Limits.zeroIsALimit", "SeatsInUse.seatsReadBack");
    }
}
