package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.BatchId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("BulkProgressListener")
class BulkProgressListenerTest {

    @Test
    void every_n_passes_on_each_nth_row_and_the_last_one() {
        List<Integer> seen = new ArrayList<>();
        BulkProgressListener thinned = ((BulkProgressListener) p -> seen.add(p.processed())).every(10);

        for (int i = 1; i <= 25; i++) {
            thinned.onProgress(new BulkProgress(BatchId.of("b"), i, 25, i + 1));
        }

        assertThat(seen).containsExactly(10, 20, 25);
    }

    @Test
    void every_refuses_a_step_below_one() {
        assertThatThrownBy(() -> BulkProgressListener.NONE.every(0)).isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST);
    }

    @Test
    void progress_outside_one_to_total_is_refused() {
        assertThatThrownBy(() -> new BulkProgress(BatchId.of("b"), 0, 3, 1)).isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST);
        assertThatThrownBy(() -> new BulkProgress(BatchId.of("b"), 4, 3, 1)).isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST);
        assertThat(new BulkProgress(BatchId.of("b"), 3, 3, 9).isLast()).isTrue();
    }
}
