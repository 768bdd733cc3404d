package io.invitations.core;

import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.core.lifecycle.internal.Lifecycle;
import io.invitations.spi.settings.ResendPolicy;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of seeded random sequences of lifecycle actions (invite, provision, send, resend,
 * re-invite, revoke, accept and decline with fresh or stale links, approve, reject, clock jumps,
 * sweeps, outbox deliveries, settings changes), checking after every step that:
 * at most one invitation is open per tenant, target and invitee; final states never change; an
 * invitation is accepted at most once; history has one entry per transition and chains; the
 * effective status agrees with the clock; every outcome is what the state table says; every queued
 * message has its outbox row and no idempotency key reaches the mailer twice.
 * Run one sequence again with {@code -Dlifecycle.seed=<seed>}.
 */
@DisplayName("Random action sequences keep every lifecycle invariant")
class LifecyclePropertyTest {
    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 30;
    private static final List<TenantId> TENANTS = List.of(Fixture.ACME, Fixture.GLOBEX);
    private static final List<String> EMAILS = List.of("ann@example.com", "ANN@Example.com", "bob@example.com",
            "cy@example.com");
    private static final List<Target> TARGETS = List.of(Target.membership(), Target.resource("event", "gala"));
    private static final Inviter MEMBER = Fixture.user("m-1", PermissionLevel.USER);
    private static final Inviter OTHER = Fixture.user("m-2", PermissionLevel.USER);
    private static final List<Inviter> ACTORS = List.of(Fixture.ADMIN, MEMBER, OTHER);

    @Test
    void random_sequences_keep_every_invariant() {
        String fixed = System.getProperty("lifecycle.seed");
        long base = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        int sequences = fixed != null ? 1 : SEQUENCES;
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (int i = 0; i < sequences; i++) {
            long seed = base + i;
            try {
                new Run(seed, outcomes).play();
            } catch (AssertionError | RuntimeException e) {
                System.err.println("LifecyclePropertyTest failed; replay with -Dlifecycle.seed=" + seed);
                throw new AssertionError("sequence with seed " + seed + " broke an invariant: " + e.getMessage(), e);
            }
        }
        System.out.println("LifecyclePropertyTest: " + sequences + " sequences from seed " + base + ", outcomes "
                + outcomes);
        assertThat(outcomes).as("the sequences reach every kind of success")
                .containsKeys("ACCEPT ok", "DECLINE ok", "RESEND ok", "REINVITE ok", "REVOKE ok", "INVITE ok",
                        "APPROVE ok", "REJECT ok", "ACCEPT ALREADY_ACCEPTED", "ACCEPT EXPIRED", "ACCEPT INVALID_TOKEN");
    }

    /** One random sequence against a fresh service. */
    private static final class Run {
        private final Random random;
        private final Fixture f = new Fixture(false);
        private final Map<InvitationId, Integer> transitions = new HashMap<>();
        private int eventsCounted;
        private final List<InvitationId> ids = new ArrayList<>();
        private final Map<InvitationId, TenantId> tenantOf = new HashMap<>();
        private final List<String> tokens = new ArrayList<>();
        private final Map<InvitationId, InvitationStatus> finals = new HashMap<>();
        private final List<String> log = new ArrayList<>();
        private final Map<String, Invitation> tokenOwner = new HashMap<>();
        private InvitationException refusal;

        private final Map<String, Integer> outcomes;

        Run(long seed, Map<String, Integer> outcomes) {
            this.outcomes = outcomes;
            random = new Random(seed);
            for (TenantId t : TENANTS) {
                f.configure(t, s -> s.minimumInviteLevel(PermissionLevel.USER).manageLevel(PermissionLevel.HR_TENANT)
                        .resendLimit(3).resendCooldown(Duration.ofMinutes(random.nextInt(3) * 10)));
            }
        }

        void play() {
            for (int step = 0; step < STEPS; step++) {
                step();
                try {
                    checkInvariants();
                } catch (AssertionError e) {
                    throw new AssertionError("after " + log + ": " + e.getMessage(), e);
                }
            }
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private void step() {
            int kind = random.nextInt(16);
            if (kind <= 2) {
                create(kind == 2);
            } else if (kind == 3) {
                advanceClock();
            } else if (kind == 4 && random.nextBoolean()) {
                log.add("sweep");
                f.service.maintenance().expireDue();
            } else if (kind == 4) {
                log.add("deliver");
                f.service.maintenance().deliverDueMessages();
            } else if (kind == 5) {
                changeSettings();
            } else if (kind == 6) {
                TenantId t = pick(TENANTS);
                log.add("sendAll " + t);
                attempt(() -> f.service.administration(pick(ACTORS), t).sendAllProvisioned());
            } else if (kind <= 9 && !tokens.isEmpty()) {
                claim(kind);
            } else if (!ids.isEmpty()) {
                manage(kind);
            }
        }

        private void create(boolean provision) {
            TenantId t = pick(TENANTS);
            Inviter inviter = pick(ACTORS);
            InviteRequest request = InviteRequest.builder().email(pick(EMAILS)).target(pick(TARGETS))
                    .role("member").build();
            log.add((provision ? "provision " : "invite ") + request.email() + " " + request.target() + " by "
                    + inviter.userId());
            InvitationAdministration admin = f.service.administration(inviter, t);
            Optional<Invitation> made = attempt(() -> provision ? admin.provision(request) : admin.invite(request));
            made.ifPresent(i -> {
                ids.add(i.id());
                tenantOf.put(i.id(), t);
                remember(i);
            });
        }

        private void advanceClock() {
            Duration d = switch (random.nextInt(4)) {
                case 0 -> Duration.ofMinutes(random.nextInt(60));
                case 1 -> Duration.ofHours(random.nextInt(48));
                case 2 -> Duration.ofDays(random.nextInt(10));
                default -> Duration.ofDays(7);
            };
            log.add("clock +" + d);
            f.clock.advance(d);
        }

        private void changeSettings() {
            TenantId t = pick(TENANTS);
            boolean approval = random.nextBoolean();
            ResendPolicy policy = pick(List.of(ResendPolicy.values()));
            log.add("settings " + t + " approval=" + approval + " resend=" + policy);
            f.configure(t, s -> s.approvalRequired(approval).resendPolicy(policy));
        }

        private void claim(int kind) {
            String token = pick(tokens);
            Invitation before = f.stored(tokenOwner.get(token));
            boolean current = token.equals(f.service.administration(Fixture.ADMIN, before.tenantId()).revealClaimLink(before.id()).token());
            Action action = kind == 9 ? Action.DECLINE : Action.ACCEPT;
            if (kind == 7) {
                log.add("inspect token #" + tokens.indexOf(token));
                Optional<ClaimInspection> seen = attempt(() -> f.service.invitee().inspect(token));
                assertThat(seen.isPresent()).as("inspect works exactly for current links of invited people")
                        .isEqualTo(current && before.status() != InvitationStatus.PROVISIONED);
                assertThat(f.stored(before)).as("inspect is read-only").isEqualTo(before);
                return;
            }
            log.add(action + " with token #" + tokens.indexOf(token) + (current ? "" : " (dead)"));
            Optional<Invitation> after = attempt(() -> action == Action.DECLINE ? f.service.invitee().decline(token)
                    : f.service.invitee().accept(Fixture.claim(token)).invitation());
            checkOutcome(before, action, after, current);
        }

        private void manage(int kind) {
            InvitationId id = pick(ids);
            TenantId t = tenantOf.get(id);
            Inviter actor = pick(ACTORS);
            Invitation before = f.store.find(t, id).orElseThrow();
            Action action = switch (kind) {
                case 10 -> Action.RESEND;
                case 11 -> Action.REINVITE;
                case 12 -> Action.REVOKE;
                case 13 -> Action.INVITE;
                case 14 -> Action.APPROVE;
                default -> Action.REJECT;
            };
            log.add(action + " " + id + " by " + actor.userId());
            Supplier<Invitation> call = switch (action) {
                case RESEND -> () -> f.service.administration(actor, t).resend(id);
                case REINVITE -> () -> f.service.administration(actor, t).reinvite(id);
                case REVOKE -> () -> f.service.administration(actor, t).revoke(id, "random");
                case INVITE -> () -> f.service.administration(actor, t).send(id);
                case APPROVE -> () -> f.service.administration(Fixture.ADMIN, t).approve(id);
                default -> () -> f.service.administration(Fixture.ADMIN, t).reject(id, "random");
            };
            Optional<Invitation> after = attempt(call::get);
            checkOutcome(before, action, after, true);
            after.ifPresent(this::remember);
        }

        /** Runs an action that may be refused; only typed refusals are acceptable. */
        private <T> Optional<T> attempt(Supplier<T> action) {
            refusal = null;
            try {
                return Optional.of(action.get());
            } catch (InvitationException e) {
                io.invitations.core.testing.Secrets.observed(e);
                refusal = e;
                return Optional.empty();
            }
        }

        /** A success must be the table's move; a refused move must be one the table refuses. */
        private void checkOutcome(Invitation before, Action action, Optional<Invitation> after, boolean validLink) {
            outcomes.merge(action + " " + (after.isPresent() ? "ok" : refusal.code().name()), 1, Integer::sum);
            InvitationStatus from = before.effectiveStatus(f.clock.instant());
            boolean approval = f.settings.settingsFor(before.tenantId()).approvalRequired();
            Optional<InvitationStatus> expected = Lifecycle.next(from, action, approval);
            if (after.isPresent()) {
                assertThat(validLink).as("%s succeeded with a dead link", action).isTrue();
                assertThat(Optional.of(after.get().status())).as("%s from %s", action, from).isEqualTo(expected);
            } else if (refusal instanceof IllegalTransitionException t) {
                assertThat(expected).as("%s from %s was refused as illegal", action, from).isEmpty();
                assertThat(t.status()).isEqualTo(from);
                assertThat(t.action()).isEqualTo(action);
            } else if (expected.isPresent() && validLink && action != Action.RESEND && action != Action.REINVITE
                    && action != Action.INVITE && action != Action.REVOKE) {
                throw new AssertionError(action + " from " + from + " was refused although the table allows it");
            }
        }

        private void remember(Invitation i) {
            String token = f.service.administration(Fixture.ADMIN, i.tenantId()).revealClaimLink(i.id()).token();
            if (!tokenOwner.containsKey(token)) {
                tokens.add(token);
            }
            tokenOwner.put(token, i);
        }

        private void checkInvariants() {
            Instant now = f.clock.instant();
            for (; eventsCounted < f.events.size(); eventsCounted++) {
                if (f.events.get(eventsCounted) instanceof InvitationEvent.StatusEvent s) {
                    transitions.merge(s.invitationId(), 1, Integer::sum);
                }
            }
            Set<String> openKeys = new HashSet<>();
            long accepts = 0;
            for (InvitationId id : ids) {
                Invitation stored = f.store.find(tenantOf.get(id), id).orElseThrow();
                if (stored.status().isOpen()) {
                    String key = stored.tenantId() + "|" + stored.target() + "|" + stored.inviteeKey();
                    assertThat(openKeys.add(key)).as("a second open invitation for %s", key).isTrue();
                }
                InvitationStatus fin = finals.get(id);
                if (fin != null) {
                    assertThat(stored.status()).as("final %s of %s changed", fin, id).isEqualTo(fin);
                } else if (stored.status().isFinal()) {
                    finals.put(id, stored.status());
                }
                List<HistoryEntry> all = f.store.history(stored.tenantId(), id);
                assertThat(all.stream().filter(h -> h.action() == Action.OPEN).count()).as("first opens of %s", id)
                        .isLessThanOrEqualTo(1);
                // an OPEN entry records the first inspection; it is not a transition
                List<HistoryEntry> history = all.stream().filter(h -> h.action() != Action.OPEN).toList();
                long acceptsHere = history.stream().filter(h -> h.action() == Action.ACCEPT).count();
                assertThat(acceptsHere).as("accepts of %s", id).isLessThanOrEqualTo(1);
                accepts += acceptsHere;
                assertThat(history).as("history of %s", id).hasSize(transitions.getOrDefault(id, 0));
                assertThat(history.get(0).from()).isNull();
                for (int h = 1; h < history.size(); h++) {
                    assertThat(history.get(h).from()).as("history chain of %s", id).isEqualTo(history.get(h - 1).to());
                }
                assertThat(history.get(history.size() - 1).to()).isEqualTo(stored.status());
                assertThat(f.store.outbox(stored.tenantId(), id)).as("outbox rows of %s", id)
                        .hasSize(stored.delivery().sendCount());
                InvitationStatus effective = stored.status() == InvitationStatus.PENDING
                        && !now.isBefore(stored.expiresAt()) ? InvitationStatus.EXPIRED : stored.status();
                assertThat(f.service.administration(Fixture.ADMIN, stored.tenantId()).find(id).orElseThrow().status())
                        .as("effective status of %s at %s", id, now).isEqualTo(effective);
            }
            for (TenantId t : TENANTS) {
                long expired = f.service.administration(Fixture.ADMIN, t).query(InvitationQuery.builder(t).statuses(InvitationStatus.EXPIRED).build())
                        .items().stream().filter(i -> i.status() != InvitationStatus.EXPIRED).count();
                assertThat(expired).as("queries by EXPIRED return only expired views").isZero();
            }
            List<String> keys = f.mailer.sent().stream().map(m -> m.idempotencyKey()).toList();
            assertThat(keys).as("idempotency keys handed to the mailer").doesNotHaveDuplicates();
            assertThat(f.events.stream().filter(e -> e instanceof InvitationEvent.Accepted
                    || e instanceof InvitationEvent.ApprovalRequested).count()).isEqualTo(accepts);
        }
    }
}
