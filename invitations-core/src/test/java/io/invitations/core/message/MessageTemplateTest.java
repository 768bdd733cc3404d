package io.invitations.core.message;

import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.Placeholder;
import io.invitations.spi.message.TemplateException;
import io.invitations.core.memory.InMemoryMessageTemplateStore;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.OutboxMessage.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Message templates")
class MessageTemplateTest {

    @Test
    @DisplayName("an unknown placeholder is refused with a typed error naming it and listing the known ones")
    void unknownPlaceholderIsRefused() {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> MessageTemplate.of("Hi {{inviterEmail}}", "<p>{{claimUrl}}</p>", "{{claimUrl}}"));

        assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_INVALID);
        assertThat(e.unknownPlaceholders()).containsExactly("inviterEmail");
        assertThat(e.getMessage()).contains("subject line 1: unknown placeholder {{inviterEmail}}")
                .contains("{{tenantName}}", "{{inviterName}}", "{{personalMessage}}", "{{claimUrl}}", "{{expiresIn}}");
        assertThat(e.knownPlaceholders()).containsAll(Placeholder.keys());
    }

    @Test
    @DisplayName("every problem of every part is reported at once, with its part and line")
    void everyProblemIsCollected() {
        TemplateException e = catchThrowableOfType(TemplateException.class, () -> MessageTemplate.of(
                "{{foo}}", "<p>\n{{#personalMessage}}{{bar}}\n</p>", "{{claimUrl}} {{/expiresIn}} {{ not a name }}"));

        assertThat(e.unknownPlaceholders()).containsExactlyInAnyOrder("foo", "bar");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "subject line 1: unknown placeholder {{foo}}",
                "html line 2: unknown placeholder {{bar}}",
                "html line 2: section {{#personalMessage}} is never closed; end it with {{/personalMessage}}",
                "text line 1: {{/expiresIn}} closes no section",
                "text line 1: {{not a name}} is not a placeholder; names are letters and digits, like {{tenantName}}");
    }

    @Test
    @DisplayName("sections must close in order, braces must close, and no triple brace inserts a raw value")
    void syntaxErrorsAreRefused() {
        assertThat(catchThrowableOfType(TemplateException.class, () -> MessageTemplate.of("s",
                "{{#logoUrl}}{{^personalMessage}}{{/logoUrl}}{{/personalMessage}}", "t")).problems())
                .contains("html line 1: {{/logoUrl}} does not match the open section {{^personalMessage}} of line 1;"
                        + " close {{/personalMessage}} first");
        assertThat(catchThrowableOfType(TemplateException.class,
                () -> MessageTemplate.of("s", "<p>{{claimUrl</p>", "t")).problems())
                .containsExactly("html line 1: '{{' is never closed by '}}'");
        assertThatThrownBy(() -> MessageTemplate.of("s", "{{{claimUrl}}}", "t")).isInstanceOf(TemplateException.class);
    }

    @Test
    @DisplayName("a subject must be one line and no part may be blank")
    void shapeIsChecked() {
        assertThat(catchThrowableOfType(TemplateException.class, () -> MessageTemplate.of("a\nb", " ", "")).problems())
                .containsExactly("subject: must be one line", "html: must not be blank", "text: must not be blank");
    }

    @Test
    @DisplayName("saving an invalid template through the store refuses it and stores nothing")
    void storeRefusesInvalidTemplates() {
        MessageTemplateStore store = new InMemoryMessageTemplateStore();
        TenantId tenant = TenantId.of("t");

        assertThatThrownBy(() -> store.save(tenant, Locale.FRENCH, Kind.INVITATION, "{{tenant}}", "<p>x</p>", "x"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("{{tenant}}");
        assertThat(store.find(tenant, Locale.FRENCH, Kind.INVITATION)).isEmpty();

        MessageTemplate saved = store.save(tenant, Locale.CANADA_FRENCH, Kind.INVITATION, "{{tenantName}}", "<p>x</p>",
                "x");
        assertThat(store.find(tenant, Locale.FRENCH, Kind.INVITATION)).contains(saved);
        assertThat(store.remove(tenant, Locale.FRENCH, Kind.INVITATION)).isTrue();
        assertThat(store.find(tenant, Locale.FRENCH, Kind.INVITATION)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("English, French and German have a built-in template for every kind of message; others use English")
    void builtInsExistForEveryLanguageAndKind(Kind kind) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN}) {
            assertThat(MessageTemplates.hasBuiltIn(locale)).isTrue();
            assertThat(MessageTemplates.builtIn(locale, kind).html()).contains("lang=\"" + locale.getLanguage() + "\"");
        }
        assertThat(MessageTemplates.hasBuiltIn(Locale.forLanguageTag("es"))).isFalse();
        assertThat(MessageTemplates.builtIn(Locale.forLanguageTag("es"), kind))
                .isEqualTo(MessageTemplates.builtIn(Locale.ENGLISH, kind));
    }
}
