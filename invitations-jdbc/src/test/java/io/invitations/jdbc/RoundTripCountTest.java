package io.invitations.jdbc;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts the statements the engine sends to PostgreSQL per operation, through a connection proxy
 * that records every executed statement (a JDBC batch is one) and every commit. The figures are
 * the ones docs/PERFORMANCE.md states; the assertions hold the targets: a bulk of 500 in at most
 * 10 statements, an acceptance in one transaction of at most 3 statements. Mail delivery is left
 * to the host here (it has its own statements, counted by the outbox's tests).
 */
@DisplayName("Round trips per operation on PostgreSQL")
class RoundTripCountTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final List<String> EXECUTED = new ArrayList<>();
    private static final int[] COMMITS = new int[1];

    private static TestDatabase database;
    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemorySeatLedger ledger = InMemorySeatLedger.countingMembersOf(directory);
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private InvitationService service;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(JdbcDialect.POSTGRESQL);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void createService() {
        JdbcInvitationStore store = JdbcInvitationStore.builder(recording(database.newPool()))
                .dialect(JdbcDialect.POSTGRESQL).tablePrefix(database.freshPrefix()).build();
        store.migrate();
        service = InvitationService.builder().store(store).identityDirectory(directory).seatLedger(ledger)
                .settings(settings).keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))
                .mailer(new RecordingMailer()).deliveryMode(DeliveryMode.HOST_DRIVEN).clock(CLOCK).build();
    }

    @Test
    @DisplayName("a BEST_EFFORT bulk of 500 runs at most 10 statements in one transaction, with or without "
            + "a seat limit and quota")
    void bulkOfFiveHundred() {
        TenantId open = Samples.newTenant();
        Counted<BulkReport> unlimited = count(() -> service.administration(ADMIN, open).bulk(BulkRequest.builder(rows(500))
                .defaultRole("member").mode(BulkMode.BEST_EFFORT).build()));
        TenantId limited = limited(1000);
        Counted<BulkReport> guarded = count(() -> service.administration(ADMIN, limited).bulk(BulkRequest.builder(rows(500))
                .defaultRole("member").mode(BulkMode.BEST_EFFORT).build()));

        report("bulk of 500 (no limit)", unlimited);
        report("bulk of 500 (seat limit and quota)", guarded);
        assertThat(unlimited.result().count(BulkOutcome.CREATED)).isEqualTo(500);
        assertThat(guarded.result().count(BulkOutcome.CREATED)).isEqualTo(500);
        assertThat(unlimited.statements()).as(unlimited.toString()).isLessThanOrEqualTo(10);
        assertThat(guarded.statements()).as(guarded.toString()).isLessThanOrEqualTo(10);
        assertThat(unlimited.commits()).isEqualTo(1);
        assertThat(guarded.commits()).isEqualTo(1);
    }

    @Test
    @DisplayName("invite, inspect and accept: an acceptance is one transaction of at most 3 statements; an inspection"
            + " reads one row, the first one also records the open")
    void singleOperations() {
        TenantId tenant = Samples.newTenant();
        Counted<Invitation> invite = count(() -> service.administration(ADMIN, tenant).invite(InviteRequest.builder()
                .email("single@example.com").role("member").build()));
        TenantId limited = limited(10);
        Counted<Invitation> guardedInvite = count(() -> service.administration(ADMIN, limited).invite(InviteRequest.builder()
                .email("single@example.com").role("member").build()));
        String token = service.administration(ADMIN, tenant).revealClaimLink(invite.result().id()).token();
        Counted<Object> firstInspect = count(() -> service.invitee().inspect(token));
        Counted<Object> inspect = count(() -> service.invitee().inspect(token));
        Counted<Object> accept = count(() -> service.invitee().accept(ClaimRequest.builder(token)
                .password("correct horse battery staple".toCharArray()).build()));
        settings.update(limited, s -> s.toBuilder().linkInvitationsEnabled(true).build());
        String link = service.administration(ADMIN, limited).createShareableLink(ShareableLinkRequest.builder().role("member").build()).token();
        Counted<Object> join = count(() -> service.invitee().joinShareableLink(JoinRequest.of("joiner@example.com",
                ClaimRequest.builder(link).name("Jo", "Ner").password("correct horse battery staple".toCharArray())
                        .build())));

        report("invite (no limit)", invite);
        report("invite (seat limit and quota)", guardedInvite);
        report("inspect (the first: records the open)", firstInspect);
        report("inspect", inspect);
        report("accept", accept);
        report("join through a shareable link (seat limit)", join);
        assertThat(accept.commits()).as(accept.toString()).isEqualTo(1);
        assertThat(accept.statements()).as(accept.toString()).isLessThanOrEqualTo(3);
        assertThat(inspect.statements()).as(inspect.toString()).isEqualTo(1);
        assertThat(inspect.commits()).isZero();
        assertThat(firstInspect.statements()).as(firstInspect.toString()).isLessThanOrEqualTo(3);
        assertThat(firstInspect.commits()).as("the OPEN history entry").isEqualTo(1);
        assertThat(invite.commits()).isEqualTo(1);
    }

    private TenantId limited(long seats) {
        TenantId tenant = Samples.newTenant();
        ledger.setLimit(tenant, seats);
        settings.update(tenant, s -> s.toBuilder().quota(new InviteQuota(5000, Duration.ofDays(1))).build());
        return tenant;
    }

    private static List<InvitationRow> rows(int count) {
        List<InvitationRow> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            rows.add(InvitationRow.builder(n + 2).set(RowField.EMAIL, "row" + n + "@example.com").build());
        }
        return rows;
    }

    private static void report(String operation, Counted<?> counted) {
        System.out.println("ROUND TRIPS " + operation + ": " + counted);
    }

    /** What an operation returned, with the statements it executed and the transactions it committed. */
    private record Counted<T>(T result, List<String> executed, int commits) {
        int statements() {
            return executed.size();
        }

        @Override
        public String toString() {
            return statements() + " statements, " + commits + " commit(s): " + executed;
        }
    }

    private static synchronized <T> Counted<T> count(Supplier<T> operation) {
        EXECUTED.clear();
        COMMITS[0] = 0;
        T result = operation.get();
        return new Counted<>(result, List.copyOf(EXECUTED), COMMITS[0]);
    }

    /** Connections whose prepared statements record each execution (a JDBC batch counts once). */
    private static DataSource recording(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object value = invoke(real, method, args);
                    return value instanceof Connection c && method.getName().equals("getConnection")
                            ? connection(c) : value;
                });
    }

    private static Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        record(null);
                    }
                    Object value = invoke(real, method, args);
                    if (value instanceof PreparedStatement ps && args != null && args[0] instanceof String sql) {
                        return statement(ps, sql);
                    }
                    return value;
                });
    }

    private static PreparedStatement statement(PreparedStatement real, String sql) {
        String shortened = sql.replaceAll("\\s+", " ");
        String shown = shortened.substring(0, Math.min(60, shortened.length()));
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        record(shown);
                    }
                    return invoke(real, method, args);
                });
    }

    private static synchronized void record(String sql) {
        if (sql == null) {
            COMMITS[0]++;
        } else {
            EXECUTED.add(sql);
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } catch (IllegalAccessException e) {
            throw new SQLException(e);
        }
    }
}
