package io.invitations.core.bulk;

import io.invitations.core.InviteRequest;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.invitations.core.bulk.BulkFixture.ACME;
import static io.invitations.core.bulk.BulkFixture.ADMIN;
import static io.invitations.core.bulk.BulkFixture.BATCH;
import static io.invitations.core.bulk.BulkFixture.request;
import static io.invitations.core.bulk.BulkFixture.row;
import static io.invitations.core.bulk.BulkFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Bulk invitations through the facade")
class BulkInvitationsTest {
    private final BulkFixture f = new BulkFixture();

    private List<BulkOutcome> outcomes(BulkReport report) {
        return report.lines().stream().map(BulkReport.Line::outcome).toList();
    }

    @Nested
    @DisplayName("the bulk limit")
    class Limit {
        @Test
        void a_731_row_list_is_refused_before_anything_is_written_naming_731_500_and_the_splitter() {
            assertThatThrownBy(() -> f.service.administration(ADMIN, ACME).bulk(request(rows(731)).build()))
                    .isInstanceOfSatisfying(BulkLimitExceededException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BULK_LIMIT_EXCEEDED);
                        assertThat(e.getMessage()).contains("731", "500", "Batches.split(rows, 500)");
                    });
            assertThat(f.store.writeCalls()).isZero();
            assertThat(f.events).isEmpty();
        }

        @Test
        void split_into_waves_the_same_list_goes_through_with_one_write_per_wave() {
            List<BulkReport> reports = new ArrayList<>();
            for (List<InvitationRow> wave : Batches.split(rows(731), 500)) {
                reports.add(f.service.administration(ADMIN, ACME).bulk(request(wave).batchId(null).build()));
            }

            assertThat(reports).extracting(r -> r.count(BulkOutcome.CREATED)).containsExactly(500, 231);
            assertThat(reports.get(1).lines().get(0).rowNumber()).isEqualTo(502);
            assertThat(reports.get(0).batchId()).isNotEqualTo(reports.get(1).batchId());
            assertThat(f.store.writeCalls()).isEqualTo(2);
            assertThat(f.store.count(ACME)).isEqualTo(731);
        }

        @Test
        void the_tenants_own_limit_applies() {
            f.configure(s -> s.bulkLimit(10));

            assertThatThrownBy(() -> f.service.administration(ADMIN, ACME).bulk(request(rows(11)).mode(BulkMode.DRY_RUN).build()))
                    .hasMessageContaining("batch has 11 rows; the limit is 10");
            assertThat(f.service.administration(ADMIN, ACME).bulk(request(rows(10)).build()).count(BulkOutcome.CREATED)).isEqualTo(10);
        }
    }

    @Nested
    @DisplayName("writing")
    class Writing {
        @Test
        void a_batch_is_written_with_one_store_call_holding_invitations_history_and_outbox_rows() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(rows(50)).build());

            assertThat(report.count(BulkOutcome.CREATED)).isEqualTo(50);
            assertThat(f.store.writeCalls()).isEqualTo(1);
            var batch = f.store.writes.get(0);
            assertThat(batch.inserts()).hasSize(50)
                    .allSatisfy(i -> {
                        assertThat(i.source()).isEqualTo(InvitationSource.bulk(BATCH));
                        assertThat(i.status()).isEqualTo(InvitationStatus.PENDING);
                    });
            assertThat(batch.history()).hasSize(50).allMatch(h -> h.action() == Action.INVITE);
            assertThat(batch.enqueued()).hasSize(50);
            assertThat(report.createdIds()).hasSize(50).doesNotHaveDuplicates();
            assertThat(f.store.find(ACME, report.createdIds().get(0))).get()
                    .extracting(i -> i.invitee().displayName()).isEqualTo("Person");
        }

        @Test
        void events_are_published_for_every_created_invitation_after_the_write() {
            f.service.administration(ADMIN, ACME).bulk(request(rows(5)).build());

            assertThat(f.eventTypes()).hasSize(5).containsOnly("invitation.invited");
            assertThat(f.storedAtEvent).as("the store already held the batch at each event").containsOnly(5L);
        }

        @Test
        void provisioning_creates_provisioned_invitations_without_messages_that_invite_all_sends_later() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(rows(3)).action(BulkAction.PROVISION).build());

            assertThat(outcomes(report)).containsOnly(BulkOutcome.PROVISIONED);
            assertThat(f.store.writes.get(0).enqueued()).isEmpty();
            assertThat(f.eventTypes()).containsOnly("invitation.provisioned");
            InvitationId first = report.createdIds().get(0);
            assertThat(f.service.administration(ADMIN, ACME).send(List.of(first)).sent()).hasSize(1);
            assertThat(f.service.administration(ADMIN, ACME).sendAllProvisioned().sent()).hasSize(2);
            assertThat(f.store.count(InvitationQuery.builder(ACME).statuses(InvitationStatus.PENDING).build())).isEqualTo(3);
        }

        @Test
        void each_row_keeps_its_own_cells_and_the_defaults_fill_the_rest() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(List.of(
                    InvitationRow.builder(2).set(RowField.EMAIL, "jeanne@example.fr").set(RowField.FIRST_NAME, "Jeanne")
                            .set(RowField.MEMBERSHIP_TYPE, "invitée").set(RowField.LANGUAGE, "fr")
                            .set(RowField.GROUPS, "ventes; paris").metadata("cost centre", "CC-9").build(),
                    row(3, "max@example.de")))
                    .defaultGroups(Set.of("all")).defaultLocale(java.util.Locale.GERMAN).personalMessage("Hallo").build());

            Invitation jeanne = f.store.find(ACME, report.createdIds().get(0)).orElseThrow();
            Invitation max = f.store.find(ACME, report.createdIds().get(1)).orElseThrow();
            assertThat(jeanne.grant().membershipType().name()).isEqualTo("GUEST");
            assertThat(jeanne.grant().groups()).containsExactlyInAnyOrder("ventes", "paris");
            assertThat(jeanne.grant().metadata()).containsEntry("cost centre", "CC-9");
            assertThat(jeanne.locale()).isEqualTo(java.util.Locale.FRENCH);
            assertThat(max.grant().groups()).containsExactly("all");
            assertThat(max.locale()).isEqualTo(java.util.Locale.GERMAN);
            assertThat(max.personalMessage()).isEqualTo("Hallo");
        }

        @Test
        void a_row_of_someone_without_email_becomes_an_identifier_invitation_without_a_message() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(List.of(InvitationRow.builder(2)
                    .set(RowField.IDENTIFIER, "E-1001").set(RowField.IDENTIFIER_KIND, "matricule")
                    .set(RowField.FIRST_NAME, "Jean").build())).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.CREATED);
            assertThat(f.store.writes.get(0).enqueued()).isEmpty();
        }
    }

    @Nested
    @DisplayName("modes")
    class Modes {
        private final List<InvitationRow> mixed = List.of(row(2, "ann@example.com"), row(3, "not-an-address"),
                row(4, "ANN@example.com"), row(5, "bob@example.com"));

        @Test
        void a_dry_run_reports_what_would_happen_and_writes_sends_and_publishes_nothing() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(mixed).mode(BulkMode.DRY_RUN).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.CREATED, BulkOutcome.INVALID,
                    BulkOutcome.DUPLICATE_IN_INPUT, BulkOutcome.CREATED);
            assertThat(report.isDryRun()).isTrue();
            assertThat(report.written()).isFalse();
            assertThat(report.createdIds()).isEmpty();
            assertThat(f.store.writeCalls()).isZero();
            assertThat(f.store.count(ACME)).isZero();
            assertThat(f.events).isEmpty();
        }

        @Test
        void best_effort_writes_the_rows_that_can_be_created_and_reports_the_others_with_their_fields() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(mixed).mode(BulkMode.BEST_EFFORT).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.CREATED, BulkOutcome.INVALID,
                    BulkOutcome.DUPLICATE_IN_INPUT, BulkOutcome.CREATED);
            assertThat(report.line(3).orElseThrow().reasons()).extracting(RowProblem::field).containsExactly("email");
            assertThat(report.line(4).orElseThrow().reasons().get(0).message()).contains("row 2");
            assertThat(f.store.count(ACME)).isEqualTo(2);
            assertThat(f.store.writeCalls()).isEqualTo(1);
        }

        @Test
        void all_or_nothing_writes_nothing_when_one_row_cannot_be_created() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(mixed).mode(BulkMode.ALL_OR_NOTHING).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.NOT_WRITTEN, BulkOutcome.INVALID,
                    BulkOutcome.DUPLICATE_IN_INPUT, BulkOutcome.NOT_WRITTEN);
            assertThat(report.line(2).orElseThrow().reasons()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("3, 4", "ALL_OR_NOTHING"));
            assertThat(f.store.writeCalls()).isZero();
            assertThat(f.events).isEmpty();
        }

        @Test
        void all_or_nothing_writes_everything_in_one_call_when_every_row_can_be_created() {
            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(rows(20)).mode(BulkMode.ALL_OR_NOTHING).build());

            assertThat(report.count(BulkOutcome.CREATED)).isEqualTo(20);
            assertThat(f.store.writeCalls()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("existing invitations and members")
    class Existing {
        @Test
        void a_manager_sees_already_invited_and_already_member_apart() {
            f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("ann@example.com").role("member").build());
            f.directory.addMember(ACME, EmailAddress.of("bob@example.com"));

            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(List.of(row(2, "Ann@Example.com"), row(3, "bob@example.com"),
                    row(4, "cy@example.com"))).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.ALREADY_INVITED, BulkOutcome.ALREADY_MEMBER,
                    BulkOutcome.CREATED);
            assertThat(report.line(2).orElseThrow().reasons().get(0).code()).isEqualTo(ErrorCode.ALREADY_INVITED);
            assertThat(report.line(3).orElseThrow().reasons().get(0).code()).isEqualTo(ErrorCode.ALREADY_MEMBER);
        }

        @Test
        void an_inviter_below_the_manage_level_sees_one_neutral_outcome_so_membership_does_not_leak() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            Inviter member = Inviter.of("u-7", "Una User", PermissionLevel.USER);
            f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("ann@example.com").role("member").build());
            f.directory.addMember(ACME, EmailAddress.of("bob@example.com"));

            BulkReport report = f.service.administration(member, ACME).bulk(request(List.of(row(2, "ann@example.com"),
                    row(3, "bob@example.com"))).build());

            assertThat(outcomes(report)).containsOnly(BulkOutcome.ALREADY_INVITED_OR_MEMBER);
            RowProblem invited = report.line(2).orElseThrow().reasons().get(0);
            RowProblem isMember = report.line(3).orElseThrow().reasons().get(0);
            assertThat(invited.code()).isEqualTo(isMember.code());
            assertThat(invited.message().replace("ann@", "x@")).isEqualTo(isMember.message().replace("bob@", "x@"));
        }

        @Test
        void an_open_invitation_past_its_expiry_is_expired_and_the_person_invited_again_in_the_same_write() {
            Invitation old = f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("ann@example.com")
                    .role("member").build());
            f.clock.advance(Duration.ofDays(8));

            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(List.of(row(2, "ann@example.com"))).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.CREATED);
            assertThat(f.store.find(ACME, old.id()).orElseThrow().status()).isEqualTo(InvitationStatus.EXPIRED);
            assertThat(f.store.writeCalls()).isEqualTo(2);
        }

        @Test
        void in_best_effort_a_person_another_node_invited_meanwhile_is_already_invited_and_the_rest_is_retried() {
            f.store.beforeNextWrite(other -> otherNodeInvites(other, "person3@example.com"));

            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(rows(5)).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.CREATED, BulkOutcome.CREATED,
                    BulkOutcome.ALREADY_INVITED, BulkOutcome.CREATED, BulkOutcome.CREATED);
            assertThat(f.store.writeCalls()).as("the refused write and its retry").isEqualTo(2);
            assertThat(f.store.count(ACME)).isEqualTo(5);
            assertThat(f.store.count(InvitationQuery.builder(ACME).source(InvitationSource.bulk(BATCH)).build())).isEqualTo(4);
        }

        @Test
        void in_all_or_nothing_a_person_another_node_invited_meanwhile_stops_the_whole_batch() {
            f.store.beforeNextWrite(other -> otherNodeInvites(other, "person3@example.com"));

            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(rows(5)).mode(BulkMode.ALL_OR_NOTHING).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.NOT_WRITTEN, BulkOutcome.NOT_WRITTEN,
                    BulkOutcome.ALREADY_INVITED, BulkOutcome.NOT_WRITTEN, BulkOutcome.NOT_WRITTEN);
            assertThat(f.store.count(InvitationQuery.builder(ACME).source(InvitationSource.bulk(BATCH)).build())).isZero();
            assertThat(f.events).isEmpty();
        }

        private void otherNodeInvites(io.invitations.core.memory.InMemoryInvitationStore store, String email) {
            Invitation other = Invitation.builder().id(InvitationId.of("other-node-1")).tenantId(ACME)
                    .invitee(io.invitations.spi.invitation.Invitee.email(email))
                    .grant(io.invitations.spi.invitation.Grant.role("member")).inviter(ADMIN)
                    .createdAt(f.clock.instant()).updatedAt(f.clock.instant()).build();
            store.write(io.invitations.spi.storage.WriteBatch.builder().insert(other).build());
        }
    }

    @Nested
    @DisplayName("policies per row")
    class Policies {
        @Test
        void each_refusal_is_reported_with_its_code_and_field() {
            f.configure(s -> s.allowedDomains("example.com").guestsAllowed(false));
            Inviter local = Inviter.of("hr-1", "Hal", PermissionLevel.ADMIN_LOCAL).withUnits(Set.of(UnitId.of("paris")));

            BulkReport report = f.service.administration(local, ACME).bulk(request(List.of(
                    InvitationRow.builder(2).set(RowField.EMAIL, "a@example.com").set(RowField.ROLE, "admin").build(),
                    row(3, "b@elsewhere.org"),
                    InvitationRow.builder(4).set(RowField.EMAIL, "c@example.com").set(RowField.MEMBERSHIP_TYPE, "Gast").build(),
                    row(5, "d@example.com"))).unit(UnitId.of("paris")).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.DENIED, BulkOutcome.DENIED, BulkOutcome.DENIED,
                    BulkOutcome.CREATED);
            assertThat(report.line(2).orElseThrow().reasons()).extracting(RowProblem::code, RowProblem::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.ROLE_ABOVE_INVITER, "role"));
            assertThat(report.line(3).orElseThrow().reasons()).extracting(RowProblem::code, RowProblem::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.DOMAIN_NOT_ALLOWED, "email"));
            assertThat(report.line(4).orElseThrow().reasons()).extracting(RowProblem::code, RowProblem::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.GUESTS_NOT_ALLOWED, "membership"));
        }

        @Test
        void a_local_inviter_outside_their_unit_is_denied() {
            Inviter local = Inviter.of("hr-1", "Hal", PermissionLevel.ADMIN_LOCAL).withUnits(Set.of(UnitId.of("paris")));

            BulkReport report = f.service.administration(local, ACME).bulk(request(rows(2)).unit(UnitId.of("berlin")).build());

            assertThat(report.lines()).allSatisfy(l -> {
                assertThat(l.outcome()).isEqualTo(BulkOutcome.DENIED);
                assertThat(l.reasons().get(0).code()).isEqualTo(ErrorCode.OUTSIDE_UNIT);
            });
            assertThat(f.store.writeCalls()).isZero();
        }

        @Test
        void seats_are_counted_across_the_batch_not_per_row() {
            f.seats.setLimit(ACME, 4);
            f.directory.addMember(ACME, EmailAddress.of("boss@example.com"));

            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(rows(5)).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.CREATED, BulkOutcome.CREATED,
                    BulkOutcome.CREATED, BulkOutcome.DENIED, BulkOutcome.DENIED);
            assertThat(report.line(5).orElseThrow().reasons().get(0).code()).isEqualTo(ErrorCode.SEAT_LIMIT_REACHED);
            assertThat(f.service.administration(ADMIN, ACME).seats().remaining().getAsLong()).isZero();
        }

        @Test
        void the_inviters_quota_is_counted_across_the_batch() {
            f.configure(s -> s.quota(InviteQuota.of(3, Duration.ofDays(1))));
            f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("early@example.com").role("member").build());

            BulkReport report = f.service.administration(ADMIN, ACME).bulk(request(rows(4)).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.CREATED, BulkOutcome.CREATED,
                    BulkOutcome.DENIED, BulkOutcome.DENIED);
            assertThat(report.line(4).orElseThrow().reasons().get(0).code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        }

        @Test
        void rows_refused_by_policy_never_reveal_membership() {
            f.directory.addMember(ACME, EmailAddress.of("bob@example.com"));
            Inviter user = Inviter.of("u-7", "Una User", PermissionLevel.USER);

            BulkReport report = f.service.administration(user, ACME).bulk(request(List.of(row(2, "bob@example.com"))).build());

            assertThat(outcomes(report)).containsExactly(BulkOutcome.DENIED);
            assertThat(report.line(2).orElseThrow().reasons().get(0).code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        }
    }

    @Test
    void the_progress_listener_sees_every_row_in_order() {
        List<BulkProgress> seen = new ArrayList<>();

        f.service.administration(ADMIN, ACME).bulk(request(List.of(row(2, "a@example.com"), row(3, "bad"), row(5, "c@example.com")))
                .progressListener(seen::add).build());

        assertThat(seen).extracting(BulkProgress::processed).containsExactly(1, 2, 3);
        assertThat(seen).extracting(BulkProgress::rowNumber).containsExactly(2, 3, 5);
        assertThat(seen).allMatch(p -> p.total() == 3 && p.batchId().equals(BATCH));
    }

    @Test
    void a_failing_progress_listener_ends_the_call_with_nothing_written() {
        assertThatThrownBy(() -> f.service.administration(ADMIN, ACME).bulk(request(rows(3)).progressListener(p -> {
            throw new InvitationException(ErrorCode.CONFIGURATION, "host listener broke");
        }).build())).hasMessage("host listener broke");
        assertThat(f.store.writeCalls()).isZero();
    }
}
