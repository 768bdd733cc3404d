package io.invitations.core.bulk.internal;

import io.invitations.core.internal.RequestValidator;
import io.invitations.core.bulk.Batches;
import io.invitations.core.bulk.BulkLimitExceededException;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Bulk validation: the limit and duplicates within the input")
class BulkValidationTest {
    private static final RequestValidator REQUESTS = RequestValidator.byDefaultProvider();
    private static final BatchId BATCH = BatchId.of("batch-1");
    private static final Inviter ADMIN = Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);

    private static BulkRequest request(List<InvitationRow> rows) {
        return BulkRequest.builder(rows).defaultRole("member").build();
    }

    private static List<InvitationRow> rows(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> InvitationRow.builder(i + 1).set(RowField.EMAIL, "p" + i + "@example.com").build())
                .toList();
    }

    private static InvitationRow email(int rowNumber, String email) {
        return InvitationRow.builder(rowNumber).set(RowField.EMAIL, email).build();
    }

    @Test
    void a_731_row_call_is_refused_with_both_numbers_and_the_splitter_in_the_message() {
        assertThatThrownBy(() -> BulkValidation.check(request(rows(731)), BATCH, 500, REQUESTS))
                .isInstanceOfSatisfying(BulkLimitExceededException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BULK_LIMIT_EXCEEDED);
                    assertThat(e.rows()).isEqualTo(731);
                    assertThat(e.limit()).isEqualTo(500);
                })
                .hasMessage("batch has 731 rows; the limit is 500 — split it with Batches.split(rows, 500) "
                        + "and send the waves one by one");
    }

    @Test
    void split_into_waves_each_wave_passes_the_limit() {
        List<List<InvitationRow>> waves = Batches.split(rows(731), BulkValidation.DEFAULT_LIMIT);

        for (List<InvitationRow> wave : waves) {
            List<RowCheck> checks = BulkValidation.check(request(wave), BATCH, BulkValidation.DEFAULT_LIMIT, REQUESTS);
            assertThat(checks).hasSize(wave.size()).allMatch(RowCheck::isCandidate);
        }
        assertThat(waves).hasSize(2);
    }

    @Test
    void exactly_the_limit_is_accepted() {
        assertThat(BulkValidation.check(request(rows(500)), BATCH, 500, REQUESTS)).hasSize(500);
    }

    @Test
    void the_same_email_in_another_case_is_a_duplicate_of_the_first_row_which_wins() {
        List<RowCheck> checks = BulkValidation.check(request(List.of(
                email(2, "Jane@Example.com"), email(3, "bob@example.com"), email(4, "jane@EXAMPLE.com"),
                email(5, "JANE@example.com"))), BATCH, 500, REQUESTS);

        assertThat(checks).extracting(RowCheck::outcome)
                .containsExactly(null, null, BulkOutcome.DUPLICATE_IN_INPUT, BulkOutcome.DUPLICATE_IN_INPUT);
        assertThat(checks.get(2).duplicateOf()).isEqualTo(2);
        assertThat(checks.get(3).reasons()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("email");
            assertThat(p.message()).contains("row 2");
        });
    }

    @Test
    void identifiers_are_compared_ignoring_case_within_their_kind() {
        List<RowCheck> checks = BulkValidation.check(request(List.of(
                InvitationRow.builder(2).set(RowField.IDENTIFIER, "ab-1").set(RowField.IDENTIFIER_KIND, "matricule").build(),
                InvitationRow.builder(3).set(RowField.IDENTIFIER, "AB-1").set(RowField.IDENTIFIER_KIND, "personnel number").build(),
                InvitationRow.builder(4).set(RowField.IDENTIFIER, "AB-1").set(RowField.IDENTIFIER_KIND, "phone").build())), BATCH, 500, REQUESTS);

        assertThat(checks).extracting(RowCheck::outcome).containsExactly(null, BulkOutcome.DUPLICATE_IN_INPUT, null);
        assertThat(checks.get(1).reasons().get(0).field()).isEqualTo("identifier");
    }

    @Test
    void an_invalid_first_row_still_claims_its_email_and_an_invalid_duplicate_reports_both() {
        List<RowCheck> checks = BulkValidation.check(request(List.of(
                InvitationRow.builder(2).set(RowField.EMAIL, "jane@example.com").set(RowField.LANGUAGE, "??").build(),
                email(3, "jane@example.com"),
                InvitationRow.builder(4).set(RowField.EMAIL, "JANE@example.com").set(RowField.MEMBERSHIP_TYPE, "boss").build())),
                BATCH, 500, REQUESTS);

        assertThat(checks).extracting(RowCheck::outcome)
                .containsExactly(BulkOutcome.INVALID, BulkOutcome.DUPLICATE_IN_INPUT, BulkOutcome.INVALID);
        assertThat(checks.get(2).reasons()).extracting(p -> p.field()).containsExactly("membership", "email");
    }
}
