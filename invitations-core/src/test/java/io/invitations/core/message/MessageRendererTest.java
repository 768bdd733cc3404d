package io.invitations.core.message;

import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.core.memory.InMemoryMessageTemplateStore;
import io.invitations.spi.message.Branding;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.OutboxMessage.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Locale;

import static io.invitations.core.message.TestInvitations.START;
import static io.invitations.core.message.TestInvitations.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Rendering invitation messages")
class MessageRendererTest {
    private static final String CLAIM = "https://app.example/claim?t=abc&v=1";
    private static final Branding BRANDING = new Branding("Acme Café", "https://cdn.example/logo.png", "#AA3300",
            "Where the Acme crew plans its work.");

    private final MessageRenderer renderer = MessageRenderer.builtIn();

    private static Invitation invitation(Locale locale, String personalMessage) {
        return TestInvitations.pending("inv-1", Invitee.email("jane.doe@example.com"), personalMessage, locale, START);
    }

    private static MessageContext context(Kind kind, Invitation invitation) {
        return MessageContext.of(kind, invitation, BRANDING, CLAIM, START);
    }

    @Test
    @DisplayName("an English invitation carries the tenant's name and branding, inviter, message, link, description and expiry")
    void englishInvitationCarriesEverything() {
        MailMessage mail = renderer.render(context(Kind.INVITATION, invitation(Locale.ENGLISH, "Welcome aboard!")));

        assertThat(mail.subject()).isEqualTo("Zoë Müller invited you to join Acme Café");
        assertThat(mail.html())
                .contains("<img src=\"https://cdn.example/logo.png\" alt=\"Acme Café\"")
                .contains("border-top:4px solid #AA3300", "background:#AA3300")
                .contains("Hello Jane Doe,", "Zoë Müller has invited you to join Acme Café.", "Welcome aboard!")
                .contains("href=\"https://app.example/claim?t=abc&amp;v=1\"", "Accept the invitation")
                .contains("This invitation expires in 7 days (December 8, 2026).")
                .contains("Where the Acme crew plans its work.");
        assertThat(mail.text())
                .contains("Hello Jane Doe,", "Welcome aboard!", "Accept the invitation:\n" + CLAIM + "\n")
                .contains("This invitation expires in 7 days (December 8, 2026).", "About Acme Café")
                .doesNotContain("<", "{{");
        assertThat(mail.idempotencyKey()).isEqualTo("inv-1#1");
        assertThat(mail.to()).isEqualTo("jane.doe@example.com");
        assertThat(mail.toName()).isEqualTo("Jane Doe");
        assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(mail.headers()).containsEntry(MessageRenderer.KIND_HEADER, "invitation");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "fr | Zoë Müller vous invite à rejoindre Acme Café | Cette invitation expire dans 7 jours (8 décembre 2026).",
            "de | Zoë Müller lädt Sie zu Acme Café ein | Diese Einladung läuft in 7 Tagen ab (8. Dezember 2026).",
            "en | Zoë Müller invited you to join Acme Café | This invitation expires in 7 days (December 8, 2026).",
            "es | Zoë Müller invited you to join Acme Café | This invitation expires in 7 days (December 8, 2026)."})
    @DisplayName("the message is in the invitee's language, English where there is no built-in one")
    void messagesAreInTheInviteesLanguage(String language, String subject, String expiry) {
        MailMessage mail = renderer.render(context(Kind.INVITATION, invitation(Locale.forLanguageTag(language), null)));

        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text()).contains(expiry);
        assertThat(mail.html()).contains(expiry);
        assertThat(mail.locale().getLanguage()).isEqualTo("es".equals(language) ? "en" : language);
    }

    @Test
    @DisplayName("the expiry is described from the moment of rendering: singular, and hours under a day")
    void expiryFollowsTheClock() {
        Invitation fr = invitation(Locale.FRENCH, null);
        MessageContext inSixDays = MessageContext.builder()
                .kind(Kind.RESEND)
                .invitation(fr)
                .sendNumber(2)
                .branding(BRANDING)
                .claimUrl(CLAIM)
                .accessCode(null)
                .now(START.plus(Duration.ofDays(6)))
                .locale(Locale.FRENCH)
                .build();

        assertThat(renderer.render(inSixDays).text()).contains("Cette invitation expire dans 1 jour (");
        assertThat(renderer.render(inSixDays.withLocale(Locale.GERMAN)).text()).contains("läuft in 1 Tag ab");
        assertThat(renderer.render(MessageContext.builder()
                .kind(Kind.RESEND)
                .invitation(fr)
                .sendNumber(2)
                .branding(BRANDING)
                .claimUrl(CLAIM)
                .accessCode(null)
                .now(START.plus(Duration.ofDays(7)).minus(Duration.ofHours(5)))
                .locale(Locale.ENGLISH)
                .build()).text())
                .contains("This invitation expires in 5 hours (");
    }

    @Test
    @DisplayName("a personal message with <script> arrives escaped in HTML and intact in text")
    void scriptIsEscapedInHtmlAndIntactInText() {
        String attack = "Hi <script>alert('x')</script> & \"welcome\"";
        MailMessage mail = renderer.render(context(Kind.INVITATION, invitation(Locale.ENGLISH, attack)));

        assertThat(mail.html()).doesNotContain("<script>")
                .contains("Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;welcome&quot;");
        assertThat(mail.text()).contains(attack);
    }

    @Test
    @DisplayName("every user-supplied value is escaped in HTML, in text and in attributes alike")
    void everyValueIsEscaped() {
        Invitation invitation = invitation(Locale.ENGLISH, null).toBuilder()
                .inviterName("<b>Eve</b>")
                .invitee(Invitee.email("x@example.com").withDisplayName("\"><img src=x onerror=alert(1)>"))
                .build();
        Branding branding = new Branding("Tom & Jerry's <Club>", null, null, "<iframe>");

        MailMessage mail = renderer.render(MessageContext.of(Kind.INVITATION, invitation, branding, CLAIM, START));

        assertThat(mail.html()).doesNotContain("<b>Eve", "<img src=x", "<iframe>", "<Club>")
                .contains("&lt;b&gt;Eve&lt;/b&gt;", "Tom &amp; Jerry&#39;s &lt;Club&gt;", "&quot;&gt;&lt;img src=x")
                .contains("solid " + MessageRenderer.DEFAULT_ACCENT_COLOR);
        assertThat(mail.subject()).isEqualTo("<b>Eve</b> invited you to join Tom & Jerry's <Club>");
        assertThat(mail.text()).contains("Hello \"><img src=x onerror=alert(1)>,", "<iframe>");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RESEND", "REINVITE"})
    @DisplayName("resend and re-invite have their own wording")
    void variantsHaveTheirWording(Kind kind) {
        MailMessage mail = renderer.render(context(kind, invitation(Locale.ENGLISH, null)));

        assertThat(mail.subject()).isEqualTo(kind == Kind.RESEND ? "Reminder: Zoë Müller invited you to join Acme Café"
                : "New invitation to join Acme Café");
        assertThat(mail.text()).contains(kind == Kind.RESEND ? "This is a reminder" : "Your earlier invitation expired");
        assertThat(mail.headers()).containsEntry(MessageRenderer.KIND_HEADER, kind.name().toLowerCase(Locale.ROOT));
    }

    @Test
    @DisplayName("the printable notice tells an identifier invitee where to go, their identifier and their code")
    void noticeExplainsHowToRedeemTheCode() {
        Invitation invitation = TestInvitations.pending("inv-9",
                Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "E-77"), null, Locale.GERMAN, START);
        MessageContext context = MessageContext.builder()
                .kind(Kind.ACCESS_CODE_NOTICE)
                .invitation(invitation)
                .sendNumber(1)
                .branding(BRANDING)
                .claimUrl("https://app.example/redeem")
                .accessCode("K7QM-P2XW-9B")
                .now(START)
                .locale(Locale.GERMAN)
                .build();

        MailMessage notice = renderer.render(context);

        assertThat(notice.subject()).isEqualTo("So treten Sie Acme Café mit Ihrem Zugangscode bei");
        assertThat(notice.text()).contains("1. Öffnen Sie https://app.example/redeem", "Personalnummer: E-77",
                "Zugangscode: K7QM-P2XW-9B", "läuft in 7 Tagen ab");
        assertThat(notice.html()).contains("<strong>https://app.example/redeem</strong>", "E-77", "K7QM-P2XW-9B")
                .doesNotContain("Einladung annehmen");
        assertThat(notice.to()).isEqualTo("personnel_number:E-77");
        assertThat(context.toString()).doesNotContain("K7QM", "redeem");
        assertThat(notice.toString()).doesNotContain("K7QM", "redeem");
    }

    @Test
    @DisplayName("a tenant's custom template is used for its language only, and only for that tenant")
    void customTemplatesArePerTenantAndLanguage() {
        MessageTemplateStore store = new InMemoryMessageTemplateStore();
        store.save(TENANT, Locale.FRENCH, Kind.INVITATION, "{{tenantName}} : {{inviterName}} vous attend",
                "<p>{{personalMessage}}</p><a href=\"{{claimUrl}}\">Go</a> {{expiresIn}}",
                "{{personalMessage}} {{claimUrl}} {{expiresIn}}");
        MessageRenderer custom = MessageRenderer.of(store);

        MailMessage fr = custom.render(context(Kind.INVITATION, invitation(Locale.CANADA_FRENCH, "<i>Salut</i>")));
        assertThat(fr.subject()).isEqualTo("Acme Café : Zoë Müller vous attend");
        assertThat(fr.html()).isEqualTo("<p>&lt;i&gt;Salut&lt;/i&gt;</p><a href=\"https://app.example/claim?t=abc&amp;v=1\">"
                + "Go</a> expire dans 7 jours");
        assertThat(fr.text()).isEqualTo("<i>Salut</i> " + CLAIM + " expire dans 7 jours");

        assertThat(custom.render(context(Kind.RESEND, invitation(Locale.FRENCH, null))).subject()).startsWith("Rappel");
        assertThat(custom.render(context(Kind.INVITATION, invitation(Locale.GERMAN, null))).subject())
                .isEqualTo("Zoë Müller lädt Sie zu Acme Café ein");
        Invitation otherTenant = invitation(Locale.FRENCH, null).toBuilder().tenantId(TenantId.of("globex")).build();
        assertThat(custom.render(context(Kind.INVITATION, otherTenant)).subject())
                .isEqualTo("Zoë Müller vous invite à rejoindre Acme Café");
    }

    @Test
    @DisplayName("languages without built-in templates use the tenant's own template in that language, else its English one")
    void otherLanguagesFallBackThroughTheTenantsTemplates() {
        MessageTemplateStore store = new InMemoryMessageTemplateStore();
        store.save(TENANT, Locale.ENGLISH, Kind.INVITATION, "EN {{tenantName}}", "<p>en</p>", "en");
        store.save(TENANT, Locale.forLanguageTag("es"), Kind.INVITATION, "ES {{tenantName}}",
                "<p>{{expiresOn}}</p>", "{{expiresOn}}");
        MessageRenderer custom = MessageRenderer.of(store);

        assertThat(custom.render(context(Kind.INVITATION, invitation(Locale.forLanguageTag("es"), null))).text())
                .isEqualTo("8 de diciembre de 2026");
        assertThat(custom.render(context(Kind.INVITATION, invitation(Locale.ITALIAN, null))).subject())
                .isEqualTo("EN Acme Café");
    }

    @Test
    @DisplayName("line breaks in values never break the subject onto several lines")
    void subjectStaysOneLine() {
        MessageTemplate template = MessageTemplate.of("{{personalMessage}}", "<p>x</p>", "x");

        MailMessage mail = renderer.render(context(Kind.INVITATION, invitation(Locale.ENGLISH, "line one\r\n\nline two ")),
                template);

        assertThat(mail.subject()).isEqualTo("line one line two");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("a sample invitation previews every message in every built-in language")
    void samplesPreviewEveryMessage(Kind kind) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN}) {
            MailMessage sample = renderer.render(MessageContext.sample(kind, TENANT, BRANDING, locale, START));

            assertThat(sample.html()).contains("Acme Café", "Sam Taylor", "https://invitations.example/claim/sample");
            assertThat(sample.text()).contains("Alex Martin").doesNotContain("{{");
            assertThat(sample.idempotencyKey()).isEqualTo("sample#1");
        }
    }

    @Test
    @DisplayName("rendering twice gives the same bytes, and the context's text never shows the link")
    void renderingIsDeterministic() {
        MessageContext context = context(Kind.INVITATION, invitation(Locale.GERMAN, "Bis bald"));

        assertThat(renderer.render(context)).isEqualTo(renderer.render(context));
        assertThat(context.toString()).doesNotContain(CLAIM).contains("inv-1");
    }
}
