package io.invitations.spi;

import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.message.Branding;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.storage.Page;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("SPI value types refuse a missing or bad value with INVALID_REQUEST naming the field and the fix")
class ValueTypesRefuseBadValuesTest {

    private static void refused(ThrowingCallable call, String... words) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvitationException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST)).hasMessageContainingAll(words);
    }

    @Test
    @DisplayName("ids: missing, blank and over-long values name the id type and the allowed length")
    void ids() {
        refused(() -> TenantId.of(null), "TenantId", "must be set", "128");
        refused(() -> TenantId.of(" "), "TenantId", "blank", "128");
        refused(() -> InvitationId.of("x".repeat(129)), "InvitationId", "129", "at most 128", "shorten");
    }

    @Test
    @DisplayName("contacts: an address without @, an identifier without kind, a kind with other characters")
    void contacts() {
        refused(() -> EmailAddress.of("jane.example.com"), "email", "local@domain");
        refused(() -> EmailAddress.of(null), "email", "must be set");
        refused(() -> Identifier.of(null, "42"), "identifier kind", "must be set");
        refused(() -> IdentifierKind.of("employee #"), "identifier kind", "letters, digits");
        refused(() -> new Invitee(null, "Jane", null, null), "contact", "must be set");
    }

    @Test
    @DisplayName("inviter, grant, target and source: each missing part is named")
    void inviterGrantTargetAndSource() {
        refused(() -> Inviter.of("u-1", "Ada", null), "level", "must be set");
        refused(() -> Inviter.of("u-1", " ", PermissionLevel.USER), "displayName", "blank");
        refused(() -> new Inviter("u-1", "Ada", PermissionLevel.USER, null, Set.of()), "units", "must be set");
        Set<String> withNull = new HashSet<>(Arrays.asList("a", null));
        refused(() -> new Grant("member", MembershipType.MEMBER, withNull, null, Map.of()), "groups", "remove");
        refused(() -> new Grant("member", null, Set.of(), null, Map.of()), "membershipType", "must be set");
        refused(() -> new Target("event", null), "target id", "Target.membership()");
        refused(() -> new Target("membership", "x"), "membership target", "Target.membership()");
        refused(() -> new InvitationSource(InvitationSource.Kind.BULK, null), "reference", "BULK");
    }

    @Test
    @DisplayName("key, branding, template, quota and page")
    void otherValues() {
        refused(() -> SigningKey.of("k1", new byte[8]), "32 bytes", "openssl rand");
        refused(() -> SigningKey.of("bad id!", new byte[32]), "key id", "A-Z");
        refused(() -> SigningKey.of(null, new byte[32]), "key id", "must be set");
        refused(() -> Branding.named(" "), "tenantName", "blank");
        refused(() -> MessageTemplate.of(null, "<p>x</p>", "x"), "subject", "must be set");
        refused(() -> InviteQuota.of(0, Duration.ofHours(1)), "maxInvitations", "at least 1");
        refused(() -> InviteQuota.of(5, Duration.ZERO), "window", "positive");
        refused(() -> new Page<>(Arrays.asList("a", null), 0, false), "items[]", "must be set");
        refused(() -> new Page<String>(null, 0, false), "items", "must be set");
        assertThat(new Page<>(List.of("a"), 0, false).items()).containsExactly("a");
    }
}
