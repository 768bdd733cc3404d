package io.invitations.core.memory;

import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.OutboxMessage.Kind;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default {@link MessageTemplateStore}: templates in a concurrent map, for as long as
 * the instance lives. Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryMessageTemplateStore implements MessageTemplateStore {
    private final Map<Key, MessageTemplate> templates = new ConcurrentHashMap<>();

    private record Key(TenantId tenantId, String language, Kind kind) {
        static Key of(TenantId tenantId, Locale locale, Kind kind) {
            return new Key(Objects.requireNonNull(tenantId, "tenantId"), locale.getLanguage(),
                    Objects.requireNonNull(kind, "kind"));
        }
    }

    /** Creates an empty store. */
    public InMemoryMessageTemplateStore() {
    }

    @Override
    public Optional<MessageTemplate> find(TenantId tenantId, Locale locale, Kind kind) {
        return Optional.ofNullable(templates.get(Key.of(tenantId, locale, kind)));
    }

    @Override
    public void save(TenantId tenantId, Locale locale, Kind kind, MessageTemplate template) {
        templates.put(Key.of(tenantId, locale, kind), Objects.requireNonNull(template, "template"));
    }

    @Override
    public boolean remove(TenantId tenantId, Locale locale, Kind kind) {
        return templates.remove(Key.of(tenantId, locale, kind)) != null;
    }
}
