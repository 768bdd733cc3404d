package io.invitations.core.memory;

import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.tck.MessageTemplateStoreCompatibilityKit;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.OutboxMessage.Kind;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static io.invitations.core.memory.KitRun.RUN_BY_THE_LAUNCHER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the template store kit catches broken stores: it runs the kit, through the JUnit
 * Platform launcher ({@link KitRun}), against the in-memory store
 * ({@link InMemoryMessageTemplateStoreCompatibilityTest}) and against stores that each break one
 * promise, and checks which checks fail.
 */
class BrokenTemplateStoresFailTheKitTest {

    /** A map store keyed by what a broken adapter takes for the key; {@code remove} may always say yes. */
    static final class KeyedStore implements MessageTemplateStore {
        private final Map<String, MessageTemplate> templates = new ConcurrentHashMap<>();
        private final Function<Object[], String> key;
        private final boolean removeAlwaysTrue;

        KeyedStore(Function<Object[], String> key, boolean removeAlwaysTrue) {
            this.key = key;
            this.removeAlwaysTrue = removeAlwaysTrue;
        }

        private String key(TenantId tenantId, Locale locale, Kind kind) {
            return key.apply(new Object[] {tenantId, locale, kind});
        }

        @Override
        public Optional<MessageTemplate> find(TenantId tenantId, Locale locale, Kind kind) {
            return Optional.ofNullable(templates.get(key(tenantId, locale, kind)));
        }

        @Override
        public void save(TenantId tenantId, Locale locale, Kind kind, MessageTemplate template) {
            templates.put(key(tenantId, locale, kind), template);
        }

        @Override
        public boolean remove(TenantId tenantId, Locale locale, Kind kind) {
            boolean removed = templates.remove(key(tenantId, locale, kind)) != null;
            return removeAlwaysTrue || removed;
        }
    }

    private static String correctKey(Object[] k) {
        return ((TenantId) k[0]).value() + "|" + ((Locale) k[1]).getLanguage() + "|" + k[2];
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreKeyedByWholeLocale extends MessageTemplateStoreCompatibilityKit {
        @Override
        protected MessageTemplateStore createStore() {
            return new KeyedStore(k -> ((TenantId) k[0]).value() + "|" + ((Locale) k[1]).toLanguageTag() + "|" + k[2],
                    false);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreIgnoringTenants extends MessageTemplateStoreCompatibilityKit {
        @Override
        protected MessageTemplateStore createStore() {
            return new KeyedStore(k -> ((Locale) k[1]).getLanguage() + "|" + k[2], false);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreAlwaysRemoving extends MessageTemplateStoreCompatibilityKit {
        @Override
        protected MessageTemplateStore createStore() {
            return new KeyedStore(BrokenTemplateStoresFailTheKitTest::correctKey, true);
        }
    }

    @Test
    @DisplayName("the in-memory store passes every check of the kit, and the kit has at least 10")
    void correctStorePassesEverything() {
        KitRun run = KitRun.of(InMemoryMessageTemplateStoreCompatibilityTest.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    @DisplayName("a store keyed by the whole locale fails the only-the-language-counts check only")
    void storeKeyedByWholeLocaleIsCaught() {
        KitRun run = KitRun.of(StoreKeyedByWholeLocale.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("SavingAndFinding.onlyTheLanguageCounts");
    }

    @Test
    @DisplayName("a store that ignores tenants fails the checks that keep tenants apart, the race included")
    void storeIgnoringTenantsIsCaught() {
        KitRun run = KitRun.of(StoreIgnoringTenants.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "SavingAndFinding.languagesKindsAndTenantsStayApart",
                "Removing.removeLeavesTheOthers",
                "Concurrency.racingSavesLoseNothing");
        assertThat(run.passed()).contains("SavingAndFinding.onlyTheLanguageCounts");
    }

    @Test
    @DisplayName("a store whose remove always says yes fails the remove-reports checks")
    void storeAlwaysRemovingIsCaught() {
        KitRun run = KitRun.of(StoreAlwaysRemoving.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Removing.removeReportsWhetherThereWasOne",
                "Removing.removingNothingIsFalse");
    }
}
