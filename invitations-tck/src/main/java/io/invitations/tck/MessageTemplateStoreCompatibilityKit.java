package io.invitations.tck;

import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.spi.message.TemplateException;
import io.invitations.spi.storage.OutboxMessage.Kind;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link MessageTemplateStore} as JUnit 5 checks: a template is kept per tenant,
 * language (only the language of a locale counts) and message kind; its three texts read back
 * exactly, non-ASCII and line breaks included; saving again replaces, removing reports whether
 * there was one; invalid texts store nothing; 64 threads saving at once lose nothing. Extend it,
 * implement {@link #createStore()}, and run it like any other test class.
 *
 * <p>This kit lives beside the SPI it checks: it moves to {@code invitations-tck} together with
 * {@code MessageTemplateStore} (kept out of that module meanwhile, because the kit module must not
 * depend on core).
 *
 * @since 0.1.0
 */
public abstract class MessageTemplateStoreCompatibilityKit {
    /** How many threads save at once. */
    protected static final int RACERS = 64;

    /** The store under test, new for each check. */
    protected MessageTemplateStore store;
    /** A fresh tenant per check. */
    protected TenantId tenant;

    /**
     * Creates the store under test. Called once before each check.
     *
     * @return a store, ready to use
     */
    protected abstract MessageTemplateStore createStore();

    @BeforeEach
    void createTheStore() {
        store = createStore();
        tenant = Fixtures.newTenant();
    }

    @Nested
    @DisplayName("saving and finding")
    class SavingAndFinding {
        @Test
        @DisplayName("a tenant without a custom template finds none")
        void absentTemplateIsEmpty() {
            assertThat(store.find(tenant, Locale.ENGLISH, Kind.INVITATION)).isEmpty();
        }

        @Test
        @DisplayName("a saved template reads back with its three texts, non-ASCII and line breaks intact")
        void savedTemplateReadsBack() {
            MessageTemplate template = template("Bienvenue chez {{tenantName}} — 欢迎 ✓");

            store.save(tenant, Locale.FRENCH, Kind.INVITATION, template);

            assertThat(store.find(tenant, Locale.FRENCH, Kind.INVITATION)).hasValueSatisfying(found -> {
                assertThat(found.subject()).isEqualTo(template.subject());
                assertThat(found.html()).isEqualTo(template.html());
                assertThat(found.text()).isEqualTo(template.text());
            });
        }

        @Test
        @DisplayName("only the language of a locale counts: fr-CA, fr and fr-BE share a template")
        void onlyTheLanguageCounts() {
            MessageTemplate template = template("Québec");

            store.save(tenant, Locale.CANADA_FRENCH, Kind.INVITATION, template);

            assertThat(store.find(tenant, Locale.FRENCH, Kind.INVITATION)).as("fr").contains(template);
            assertThat(store.find(tenant, Locale.forLanguageTag("fr-BE"), Kind.INVITATION)).as("fr-BE")
                    .contains(template);
            assertThat(store.remove(tenant, Locale.FRANCE, Kind.INVITATION)).as("removed through fr-FR").isTrue();
            assertThat(store.find(tenant, Locale.CANADA_FRENCH, Kind.INVITATION)).as("fr-CA after removal").isEmpty();
        }

        @Test
        @DisplayName("templates of other languages, kinds and tenants stay apart")
        void languagesKindsAndTenantsStayApart() {
            TenantId other = Fixtures.newTenant();
            MessageTemplate english = template("English invitation");
            MessageTemplate german = template("Deutsche Einladung");
            MessageTemplate resend = template("English reminder");
            MessageTemplate elsewhere = template("Another tenant");
            store.save(tenant, Locale.ENGLISH, Kind.INVITATION, english);
            store.save(tenant, Locale.GERMAN, Kind.INVITATION, german);
            store.save(tenant, Locale.ENGLISH, Kind.RESEND, resend);
            store.save(other, Locale.ENGLISH, Kind.INVITATION, elsewhere);

            assertThat(store.find(tenant, Locale.ENGLISH, Kind.INVITATION)).contains(english);
            assertThat(store.find(tenant, Locale.GERMAN, Kind.INVITATION)).contains(german);
            assertThat(store.find(tenant, Locale.ENGLISH, Kind.RESEND)).contains(resend);
            assertThat(store.find(other, Locale.ENGLISH, Kind.INVITATION)).contains(elsewhere);
            assertThat(store.find(tenant, Locale.ENGLISH, Kind.REINVITE)).as("a kind never saved").isEmpty();
            assertThat(store.find(other, Locale.GERMAN, Kind.INVITATION)).as("a language never saved").isEmpty();
        }

        @Test
        @DisplayName("saving again replaces the template")
        void savingAgainReplaces() {
            store.save(tenant, Locale.ENGLISH, Kind.INVITATION, template("First"));
            MessageTemplate second = template("Second");

            store.save(tenant, Locale.ENGLISH, Kind.INVITATION, second);

            assertThat(store.find(tenant, Locale.ENGLISH, Kind.INVITATION)).contains(second);
        }

        @Test
        @DisplayName("invalid texts are refused with a TemplateException and store nothing")
        void invalidTextsStoreNothing() {
            assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> store.save(tenant, Locale.ENGLISH,
                    Kind.INVITATION, "Hello {{noSuchPlaceholder}}", "<p>Hi</p>", "Hi"));

            assertThat(store.find(tenant, Locale.ENGLISH, Kind.INVITATION)).isEmpty();
        }
    }

    @Nested
    @DisplayName("removing")
    class Removing {
        @Test
        @DisplayName("removing reports a template that was there, and then that none is")
        void removeReportsWhetherThereWasOne() {
            store.save(tenant, Locale.ENGLISH, Kind.INVITATION, template("Gone soon"));

            assertThat(store.remove(tenant, Locale.ENGLISH, Kind.INVITATION)).as("first removal").isTrue();
            assertThat(store.remove(tenant, Locale.ENGLISH, Kind.INVITATION)).as("second removal").isFalse();
            assertThat(store.find(tenant, Locale.ENGLISH, Kind.INVITATION)).isEmpty();
        }

        @Test
        @DisplayName("removing one template leaves the others")
        void removeLeavesTheOthers() {
            TenantId other = Fixtures.newTenant();
            MessageTemplate resend = template("Stays");
            MessageTemplate elsewhere = template("Stays elsewhere");
            store.save(tenant, Locale.ENGLISH, Kind.INVITATION, template("Goes"));
            store.save(tenant, Locale.ENGLISH, Kind.RESEND, resend);
            store.save(other, Locale.ENGLISH, Kind.INVITATION, elsewhere);

            store.remove(tenant, Locale.ENGLISH, Kind.INVITATION);

            assertThat(store.find(tenant, Locale.ENGLISH, Kind.RESEND)).contains(resend);
            assertThat(store.find(other, Locale.ENGLISH, Kind.INVITATION)).contains(elsewhere);
        }

        @Test
        @DisplayName("removing a template that never was reports false")
        void removingNothingIsFalse() {
            assertThat(store.remove(tenant, Locale.ENGLISH, Kind.INVITATION)).isFalse();
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency {
        @Test
        @DisplayName("64 threads saving templates of 64 tenants at once lose none")
        void racingSavesLoseNothing() {
            List<TenantId> tenants = IntStream.range(0, RACERS).mapToObj(n -> Fixtures.newTenant()).toList();

            try (Race race = new Race(RACERS)) {
                race.collect(n -> () -> {
                    store.save(tenants.get(n), Locale.ENGLISH, Kind.INVITATION, template("Racer " + n));
                    return null;
                });
            }

            for (int n = 0; n < RACERS; n++) {
                assertThat(store.find(tenants.get(n), Locale.ENGLISH, Kind.INVITATION)).as("tenant %d", n)
                        .contains(template("Racer " + n));
            }
        }
    }

    /**
     * Returns a valid template with a subject, an HTML body with a line break and a text body.
     *
     * @param subject the subject, one line
     * @return the template
     */
    protected static MessageTemplate template(String subject) {
        return MessageTemplate.of(subject, "<p>{{inviterName}} invites you.</p>\n<a href=\"{{claimUrl}}\">Join</a>",
                "{{inviterName}} invites you to {{tenantName}}.\nJoin: {{claimUrl}}");
    }
}
