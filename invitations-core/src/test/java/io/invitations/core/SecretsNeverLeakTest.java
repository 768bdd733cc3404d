package io.invitations.core;

import io.invitations.jackson.InvitationEventJson;
import io.invitations.spi.settings.ResendPolicy;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.core.token.TokenPurpose;
import io.invitations.core.token.TokenSigner;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token appears in an exception message, a toString, an event, a log line or in storage, and an
 * unknown token reveals nothing. (Every other test of the module is also watched by
 * {@link io.invitations.core.testing.SecretLeakGuard}.)
 */
@DisplayName("Secrets never leak")
class SecretsNeverLeakTest {
    private final Fixture f = new Fixture();
    private final List<String> texts = new ArrayList<>();

    private void see(Object o) {
        texts.add(String.valueOf(o));
    }

    private void refusal(Supplier<?> action) {
        InvitationException e = refused(action::get);
        for (Throwable t = e; t != null; t = t.getCause()) {
            see(t.getMessage());
            see(t);
        }
    }

    @Test
    void no_text_the_engine_produces_on_any_path_holds_a_token_and_storage_holds_none() {
        f.configure(s -> s.termsRequired(true).resendPolicy(ResendPolicy.ROTATE).resendCooldown(Duration.ZERO));
        Invitation a = f.invite("a@example.com");
        Invitation b = f.invite("b@example.com");
        Invitation c = f.invite("c@example.com");
        String tokenA = f.token(a);
        String tokenB = f.token(b);
        String tokenC = f.token(c);

        var link = f.service.administration(ADMIN, ACME).revealClaimLink(a.id());
        see(link);
        see(f.service.invitee().inspect(tokenA));
        refusal(() -> f.service.invitee().accept(claim(tokenA)));                       // terms missing
        refusal(() -> f.service.invitee().accept(ClaimRequest.builder(tokenA + "x").build()));
        refusal(() -> f.service.invitee().accept(ClaimRequest.builder("").password(Fixture.PASSWORD.toCharArray()).build()));
        see(ClaimRequest.builder(tokenA).password(Fixture.PASSWORD.toCharArray()).acceptTerms().build());
        Acceptance accepted = f.service.invitee().accept(ClaimRequest.builder(tokenA).password(Fixture.PASSWORD.toCharArray())
                .acceptTerms().build());
        see(accepted);
        refusal(() -> f.service.invitee().accept(ClaimRequest.builder(tokenA).password(Fixture.PASSWORD.toCharArray()).acceptTerms()
                .build()));                                                  // already accepted
        see(f.service.invitee().decline(tokenB));
        refusal(() -> f.service.invitee().decline(tokenB));                             // declined
        f.service.administration(ADMIN, ACME).resend(c.id());                                // rotates: tokenC dies
        refusal(() -> f.service.invitee().inspect(tokenC));
        Invitation c2 = f.stored(c);
        String tokenC2 = f.token(c2);
        f.clock.advance(Duration.ofDays(8));
        refusal(() -> f.service.invitee().accept(ClaimRequest.builder(tokenC2).password(Fixture.PASSWORD.toCharArray()).acceptTerms()
                .build()));                                                  // expired
        f.service.administration(ADMIN, ACME).revoke(c.id(), "done");
        refusal(() -> f.service.invitee().decline(tokenC2));                            // revoked
        f.keys.retire("k1");
        refusal(() -> f.service.invitee().inspect(tokenC2));                            // retired key
        refusal(() -> f.service.administration(ADMIN, ACME).revealClaimLink(c.id()));             // no key

        f.events.forEach(e -> {
            see(e);
            see(InvitationEventJson.toJson(e));
        });
        f.store.query(InvitationQuery.builder(ACME).build()).items().forEach(i -> {
            see(i);
            see(f.store.history(ACME, i.id()));
            see(f.store.outbox(ACME, i.id()));
        });

        assertThat(texts).hasSizeGreaterThan(30);
        for (String text : texts) {
            assertThat(Secrets.leakIn(text)).as("a text the engine produced leaks a token").isNull();
        }
    }

    @Test
    void a_validly_signed_token_for_no_invitation_a_forged_one_and_a_dead_one_are_indistinguishable() {
        Invitation inv = f.invite("a@example.com");
        String real = f.token(inv);
        TokenSigner signer = new TokenSigner(f.keys);
        String unknown = Secrets.issued(signer.issue(TokenPurpose.INVITATION_LINK, ACME, "inv-999", 1));
        String otherTenant = Secrets.issued(signer.issue(TokenPurpose.INVITATION_LINK, Fixture.GLOBEX,
                inv.id().value(), 1));
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "A".repeat(43);
        String oldVersion = Secrets.issued(signer.issue(TokenPurpose.INVITATION_LINK, ACME, inv.id().value(), 7));

        List<InvitationException> refusals = new ArrayList<>();
        for (String token : List.of(unknown, otherTenant, forged, oldVersion)) {
            refusals.add(refused(() -> f.service.invitee().inspect(token)));
            refusals.add(refused(() -> f.service.invitee().accept(claim(token))));
            refusals.add(refused(() -> f.service.invitee().decline(token)));
        }
        assertThat(refusals).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN);
            assertThat(e.getClass()).isEqualTo(refusals.get(0).getClass());
            assertThat(e.getMessage()).isEqualTo(refusals.get(0).getMessage());
        });
        assertThat(f.service.administration(ADMIN, ACME).find(InvitationId.of("inv-999"))).isEmpty();
    }
}
