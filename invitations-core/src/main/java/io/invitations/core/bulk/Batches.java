package io.invitations.core.bulk;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a long list of rows into waves that each fit the tenant's bulk limit. Rows keep their own
 * {@link InvitationRow#rowNumber() row numbers}, so the reports of the waves still point at the
 * lines of the original file.
 *
 * <pre>{@code
 * for (List<InvitationRow> wave : Batches.split(rows, 500)) {
 *     BulkReport report = admin.bulk(BulkRequest.builder(wave).defaultRole("member").build());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class Batches {
    private Batches() {
    }

    /**
     * Splits a list into consecutive waves of at most {@code limit} elements, in order.
     *
     * @param <T>   the element type, usually {@link InvitationRow}
     * @param items the list to split, not {@code null}; it is not changed
     * @param limit the most elements per wave, at least 1
     * @return the waves, each an immutable list; empty when {@code items} is empty
     * @throws NullPointerException     if {@code items} is null or holds null
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code limit} is below 1
     */
    public static <T> List<List<T>> split(List<T> items, int limit) {
        Objects.requireNonNull(items, "items");
        if (limit < 1) {
            throw InvitationException.invalidValue("the limit per wave must be at least 1, not " + limit);
        }
        List<List<T>> waves = new ArrayList<>((items.size() + limit - 1) / limit);
        for (int from = 0; from < items.size(); from += limit) {
            waves.add(List.copyOf(items.subList(from, Math.min(items.size(), from + limit))));
        }
        return List.copyOf(waves);
    }
}
