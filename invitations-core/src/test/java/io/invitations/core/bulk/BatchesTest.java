package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Batches.split")
class BatchesTest {

    private static List<InvitationRow> rows(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> InvitationRow.builder(i + 1).set(RowField.EMAIL, "p" + i + "@example.com").build())
                .toList();
    }

    @Test
    void splits_731_rows_into_a_wave_of_500_and_a_wave_of_231_that_keep_their_row_numbers() {
        List<InvitationRow> rows = rows(731);

        List<List<InvitationRow>> waves = Batches.split(rows, 500);

        assertThat(waves).extracting(List::size).containsExactly(500, 231);
        assertThat(waves.get(0).get(0).rowNumber()).isEqualTo(2);
        assertThat(waves.get(1).get(0).rowNumber()).isEqualTo(502);
        assertThat(waves.get(1).get(230).rowNumber()).isEqualTo(732);
        assertThat(waves.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    }

    @Test
    void a_list_that_is_an_exact_multiple_of_the_limit_gives_full_waves_only() {
        assertThat(Batches.split(rows(1000), 500)).extracting(List::size).containsExactly(500, 500);
    }

    @Test
    void an_empty_list_gives_no_wave() {
        assertThat(Batches.split(List.of(), 500)).isEmpty();
    }

    @Test
    void waves_are_immutable_copies() {
        List<List<InvitationRow>> waves = Batches.split(rows(3), 2);

        assertThatThrownBy(() -> waves.get(0).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(waves::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_limit_below_one_is_refused_with_the_limit_in_the_message() {
        assertThatThrownBy(() -> Batches.split(rows(3), 0))
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST)
                .hasMessageContaining("at least 1, not 0");
    }
}
