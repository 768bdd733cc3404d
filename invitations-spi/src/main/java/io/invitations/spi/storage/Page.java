package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.List;
import java.util.function.Function;

/**
 * One page of results.
 *
 * @param items   the results on this page, in query order
 * @param offset  the offset this page starts at
 * @param hasMore whether more results follow this page
 * @param <T>     the result type
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Page<T>(List<T> items, int offset, boolean hasMore) {
    /**
     * Copies the items.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code items} is missing or
     *         holds a missing item
     */
    public Page {
        InvitationException.requireValue(items, "items");
        for (T item : items) {
            InvitationException.requireValue(item, "items[]");
        }
        items = List.copyOf(items);
    }

    /**
     * Maps the items, keeping the paging.
     *
     * @param mapper the mapping
     * @param <R>    the new item type
     * @return a new page
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), offset, hasMore);
    }
}
