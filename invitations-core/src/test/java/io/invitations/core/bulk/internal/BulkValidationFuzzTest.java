package io.invitations.core.bulk.internal;

import io.invitations.core.internal.RequestValidator;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.spi.invitation.BatchId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("Bulk validation over seeded random rows")
public class BulkValidationFuzzTest {
    private static final RequestValidator REQUESTS = RequestValidator.byDefaultProvider();
    private static final String[] PIECES = {"jane", "@", ".", "example.com", "Bücher.de", " ", "\n", "\t", "=",
            "-", "é", "ß", "..", "@@", "member", "Gast", "invité", "fr", "de-CH", "_", "x".repeat(300), "\u0000",
            "\uD83D\uDE00", "phone", "matricule", "1", ";", ",", "\"", "'", "<", ">", "\uD800"};

    public static String randomText(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(random.nextBoolean() ? PIECES[random.nextInt(PIECES.length)] : (char) random.nextInt(0x3000));
        }
        return b.toString();
    }

    public static List<InvitationRow> randomRows(Random random, int n) {
        List<InvitationRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            InvitationRow.Builder b = InvitationRow.builder(i + 2);
            for (RowField f : RowField.values()) {
                if (random.nextInt(3) > 0) {
                    b.set(f, randomText(random));
                }
            }
            if (random.nextInt(4) == 0) {
                b.metadata(String.valueOf(randomText(random)), randomText(random));
            }
            if (random.nextInt(10) == 0) {
                b.problem("email", "the importer saw a number");
            }
            rows.add(b.build());
        }
        return rows;
    }

    @Test
    void random_rows_always_give_one_typed_check_per_row_and_never_an_exception() {
        long base = Long.getLong("fuzz.seed", new Random().nextLong());
        for (int run = 0; run < 300; run++) {
            long seed = base + run;
            Random random = new Random(seed);
            List<InvitationRow> rows = randomRows(random, 1 + random.nextInt(40));
            BulkRequest request = BulkRequest.builder(rows)
                    .defaultRole(random.nextBoolean() ? "member" : null).build();
            try {
                List<RowCheck> checks = BulkValidation.check(request, BatchId.of("b"), 500, REQUESTS);
                assertThat(checks).hasSize(rows.size());
                for (RowCheck c : checks) {
                    assertThat(c.isCandidate() || !c.reasons().isEmpty())
                            .as("a row that is not a candidate says why").isTrue();
                }
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + seed + " failed: " + e, e);
            }
        }
    }
}
