package io.invitations.core;

import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("The read rule's public methods name a null argument, and a scope names a null unit")
class ReadRuleArgumentsTest {
    private final Fixture f = new Fixture();
    private final InvitationPolicy policy = InvitationPolicy.of(TenantSettings.defaults());

    @Test
    void may_read_and_read_scope_name_their_null_arguments() {
        Invitation inv = f.invite("a@example.com");
        assertThatThrownBy(() -> policy.mayRead(null, inv)).isInstanceOf(NullPointerException.class)
                .hasMessage("actor");
        assertThatThrownBy(() -> policy.mayRead(ADMIN, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("invitation");
        assertThatThrownBy(() -> policy.readScope(null)).isInstanceOf(NullPointerException.class).hasMessage("actor");
    }

    @Test
    void a_scope_refuses_a_null_unit_by_name_and_names_a_null_invitation() {
        Set<UnitId> withNull = new HashSet<>(Arrays.asList(UnitId.of("paris"), null));
        InvitationException e = catchThrowableOfType(() -> new InvitationQuery.Scope("u-1", withNull),
                InvitationException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("scope.units");
        assertThat(catchThrowableOfType(() -> new InvitationQuery.Scope("u-1", null), InvitationException.class)
                .getMessage()).contains("scope.units");
        assertThatThrownBy(() -> new InvitationQuery.Scope("u-1", Set.of()).contains(null))
                .isInstanceOf(NullPointerException.class).hasMessage("invitation");
    }

    @Test
    void claiming_the_outbox_names_a_null_lease() {
        InMemoryInvitationStore store = new InMemoryInvitationStore();
        assertThatThrownBy(() -> store.claimOutbox(Instant.EPOCH, 10, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("lease");
        assertThat(store.claimOutbox(Instant.EPOCH, 10, Duration.ofMinutes(1))).isEmpty();
    }
}
