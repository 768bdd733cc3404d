package io.invitations.core;

import io.invitations.spi.ErrorCode;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Any Jakarta Validation validator checks requests")
class ValidatorOptionTest {

    /** Words every message as "host: " and the constraint's template, to show whose validator ran. */
    private static final class HostWording implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return "host: " + template;
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return interpolate(template, context);
        }
    }

    private static InvalidRequestException invalid(InvitationService service) {
        return catchThrowableOfType(InvalidRequestException.class, () -> service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("jane@@example").role("member").build()));
    }

    @Test
    void a_host_validator_is_used_for_every_request() {
        Validator host = Validation.byDefaultProvider().configure().messageInterpolator(new HostWording())
                .buildValidatorFactory().getValidator();
        InvalidRequestException e = invalid(InvitationService.builder().validator(host).build());
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).startsWith("host: "));
    }

    @Test
    void the_default_validator_words_problems_without_expression_language() {
        InvalidRequestException e = invalid(InvitationService.builder().build());
        assertThat(e.fields()).containsExactly("email");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("{", "${"));
    }
}
