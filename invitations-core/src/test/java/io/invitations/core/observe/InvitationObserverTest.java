package io.invitations.core.observe;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The observer hook runs around invite, bulk, accept and delivery")
class InvitationObserverTest {
    /** Records each observed operation with its tenant and the type of its result or failure. */
    static final class Recording implements InvitationObserver {
        final List<String> seen = new ArrayList<>();

        @Override
        public <T> T observe(Operation operation, TenantId tenantId, Supplier<T> work) {
            try {
                T result = work.get();
                seen.add(operation.tagValue() + ":" + tenantId + ":" + result.getClass().getSimpleName());
                return result;
            } catch (RuntimeException e) {
                seen.add(operation.tagValue() + ":" + tenantId + ":" + e.getClass().getSimpleName());
                throw e;
            }
        }
    }

    @Test
    void each_operation_is_observed_once_with_its_result() {
        Fixture f = new Fixture();
        Recording observer = new Recording();
        InvitationService service = InvitationService.builder().store(f.store).keyRing(f.keys).clock(f.clock)
                .deliveryMode(DeliveryMode.HOST_DRIVEN).observer(observer).build();

        Invitation inv = service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("jane@example.com").role("member")
                .build());
        BulkReport report = service.administration(ADMIN, ACME).bulk(BulkRequest.builder(List.of(InvitationRow.builder(1).set(RowField.EMAIL, "joe@example.com").build())).defaultRole("member").build());
        DrainResult drained = service.maintenance().deliverDueMessages();
        String token = Secrets.issued(service.administration(ADMIN, ACME).revealClaimLink(inv.id()).token());
        service.invitee().accept(Fixture.claim(token));

        assertThat(report.lines()).hasSize(1);
        assertThat(drained.delivered()).isEqualTo(2);
        assertThat(observer.seen).containsExactly(
                "invite:" + ACME + ":" + inv.getClass().getSimpleName(),
                "bulk:" + ACME + ":BulkReport",
                "delivery:null:DrainResult",
                "accept:null:Acceptance");
    }

    @Test
    void a_failure_passes_through_the_observer_unchanged_and_observers_nest_in_order() {
        Fixture f = new Fixture();
        List<String> order = new ArrayList<>();
        InvitationObserver outer = new InvitationObserver() {
            @Override
            public <T> T observe(Operation operation, TenantId tenantId, Supplier<T> work) {
                order.add("outer");
                return work.get();
            }
        };
        Recording inner = new Recording();
        InvitationService service = InvitationService.builder().store(f.store).keyRing(f.keys).clock(f.clock)
                .observer(outer).observer(inner).build();

        assertThatThrownBy(() -> service.invitee().accept(Fixture.claim("not-a-token")))
                .isInstanceOf(io.invitations.core.token.InvalidTokenException.class);
        assertThat(order).containsExactly("outer");
        assertThat(inner.seen).containsExactly("accept:null:InvalidTokenException");
    }
}
