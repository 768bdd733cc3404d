package io.invitations.core.memory;

import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.tck.SeatLedgerCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** Runs the seat ledger kit against the in-memory ledger, arranging seats by hand. */
@DisplayName("InMemorySeatLedger keeps the seat ledger contract")
class InMemorySeatLedgerCompatibilityTest extends SeatLedgerCompatibilityKit {
    @Override
    protected SeatLedger createLedger() {
        return new InMemorySeatLedger();
    }

    @Override
    protected void setLimit(SeatLedger ledger, TenantId tenant, long limit) {
        ((InMemorySeatLedger) ledger).setLimit(tenant, limit);
    }

    @Override
    protected void setSeatsInUse(SeatLedger ledger, TenantId tenant, long seats) {
        ((InMemorySeatLedger) ledger).setSeatsInUse(tenant, seats);
    }
}
