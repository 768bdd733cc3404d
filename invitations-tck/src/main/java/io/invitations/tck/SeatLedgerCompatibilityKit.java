package io.invitations.tck;

import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.seats.SeatLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link SeatLedger} as JUnit 5 checks: a tenant without a limit has none (not a
 * limit of zero), a limit of zero is a limit, seats in use are never negative, and every answer
 * belongs to its own tenant. The SPI only reads; the kit arranges seats through
 * {@link #setLimit} and {@link #setSeatsInUse}, which an adapter implements by writing test data
 * where its ledger reads:
 *
 * <pre>{@code
 * class BillingSeatLedgerCompatibilityTest extends SeatLedgerCompatibilityKit {
 *     protected SeatLedger createLedger() {
 *         return new BillingSeatLedger(TestBilling.client());
 *     }
 *     protected void setLimit(SeatLedger ledger, TenantId tenant, long limit) {
 *         TestBilling.client().plan(tenant.value()).seats(limit);
 *     }
 *     protected void setSeatsInUse(SeatLedger ledger, TenantId tenant, long seats) {
 *         TestBilling.client().members(tenant.value()).fill(seats);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class SeatLedgerCompatibilityKit {
    /** The ledger under test, new for each check. */
    protected SeatLedger ledger;
    /** A fresh tenant per check. */
    protected TenantId tenant;

    /**
     * Creates the ledger under test. Called once before each check.
     *
     * @return a ledger, ready to use
     */
    protected abstract SeatLedger createLedger();

    /**
     * Gives a tenant a seat limit.
     *
     * @param ledger the ledger {@link #createLedger()} returned
     * @param tenant the tenant
     * @param limit  the limit, at least 0
     */
    protected abstract void setLimit(SeatLedger ledger, TenantId tenant, long limit);

    /**
     * Makes a tenant's members take a number of seats.
     *
     * @param ledger the ledger {@link #createLedger()} returned
     * @param tenant the tenant
     * @param seats  the seats in use, at least 0
     */
    protected abstract void setSeatsInUse(SeatLedger ledger, TenantId tenant, long seats);

    @BeforeEach
    void createTheLedger() {
        ledger = createLedger();
        tenant = Fixtures.newTenant();
    }

    @Nested
    @DisplayName("limits")
    class Limits {
        @Test
        @DisplayName("a tenant without a limit has none")
        void noLimitIsEmpty() {
            assertThat(ledger.seatLimit(tenant)).isEmpty();
        }

        @Test
        @DisplayName("a limit reads back as set")
        void limitReadsBack() {
            setLimit(ledger, tenant, 25);

            assertThat(ledger.seatLimit(tenant)).hasValue(25);
        }

        @Test
        @DisplayName("a limit of zero is a limit, not the absence of one")
        void zeroIsALimit() {
            setLimit(ledger, tenant, 0);

            assertThat(ledger.seatLimit(tenant)).hasValue(0);
        }

        @Test
        @DisplayName("a changed limit applies at the next read")
        void changedLimitApplies() {
            setLimit(ledger, tenant, 10);
            ledger.seatLimit(tenant);
            setLimit(ledger, tenant, 12);

            assertThat(ledger.seatLimit(tenant)).hasValue(12);
        }

        @Test
        @DisplayName("a limit belongs to its tenant only")
        void limitsStayInTheirTenant() {
            TenantId other = Fixtures.newTenant();
            setLimit(ledger, tenant, 3);
            setLimit(ledger, other, 7);

            assertThat(ledger.seatLimit(tenant)).hasValue(3);
            assertThat(ledger.seatLimit(other)).hasValue(7);
            assertThat(ledger.seatLimit(Fixtures.newTenant())).as("a third tenant").isEmpty();
        }
    }

    @Nested
    @DisplayName("seats in use")
    class SeatsInUse {
        @Test
        @DisplayName("a tenant nobody joined takes no seat")
        void emptyTenantTakesNoSeat() {
            assertThat(ledger.seatsInUse(tenant)).isZero();
        }

        @Test
        @DisplayName("seats in use read back as arranged, and follow changes")
        void seatsReadBack() {
            setSeatsInUse(ledger, tenant, 4);
            assertThat(ledger.seatsInUse(tenant)).isEqualTo(4);

            setSeatsInUse(ledger, tenant, 9);
            assertThat(ledger.seatsInUse(tenant)).isEqualTo(9);
        }

        @Test
        @DisplayName("seats in use belong to their tenant only")
        void seatsStayInTheirTenant() {
            TenantId other = Fixtures.newTenant();
            setSeatsInUse(ledger, tenant, 2);
            setSeatsInUse(ledger, other, 5);

            assertThat(ledger.seatsInUse(tenant)).isEqualTo(2);
            assertThat(ledger.seatsInUse(other)).isEqualTo(5);
            assertThat(ledger.seatsInUse(Fixtures.newTenant())).as("a third tenant").isZero();
        }

        @Test
        @DisplayName("seats in use do not depend on the limit")
        void seatsIgnoreTheLimit() {
            setLimit(ledger, tenant, 3);
            setSeatsInUse(ledger, tenant, 5);

            assertThat(ledger.seatsInUse(tenant)).as("over the limit, as after a downgrade").isEqualTo(5);
            assertThat(ledger.seatLimit(tenant)).hasValue(3);
        }
    }
}
