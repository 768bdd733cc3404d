package io.invitations.core.message;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.TemplateException;
import io.invitations.spi.storage.OutboxMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static io.invitations.core.testing.Fixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 6: the claim URL (which carries the claim token) and the access code may appear
 * in a template's bodies only; a subject holding one is refused at save, naming the placeholder.
 */
@DisplayName("Secret placeholders stay in the body")
class SecretPlaceholdersTest {
    private static final String HTML = "<p>Join: <a href=\"{{claimUrl}}\">here</a></p>";
    private static final String TEXT = "Join: {{claimUrl}}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Join {{tenantName}}: {{claimUrl}}", "Your code {{accessCode}}",
            "{{#claimUrl}}Join at {{claimUrl}}{{/claimUrl}}"})
    void a_subject_with_a_secret_placeholder_is_refused_at_save(String subject) {
        Fixture f = new Fixture();
        String placeholder = subject.contains("accessCode") ? "{{accessCode}}" : "{{claimUrl}}";

        assertThatThrownBy(() -> f.service.administration(Fixture.ADMIN, ACME).saveTemplate(Locale.ENGLISH, OutboxMessage.Kind.INVITATION,
                subject, HTML, TEXT))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_INVALID);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("subject:").contains(placeholder));
                });
        assertThat(f.service.administration(Fixture.ADMIN, ACME).template(Locale.ENGLISH, OutboxMessage.Kind.INVITATION).subject())
                .doesNotContain("claimUrl").doesNotContain("accessCode");
    }

    @Test
    void the_bodies_may_hold_them() {
        MessageTemplate t = MessageTemplate.of("{{inviterName}} invites you", HTML, TEXT + " code {{accessCode}}");

        assertThat(t.text()).contains("{{accessCode}}");
    }
}
