package io.invitations.core.internal;

import io.invitations.core.NoValidationProviderException;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Without a Jakarta Validation provider the builder says which dependency to add")
class RequestValidatorTest {

    @Test
    void no_provider_is_a_typed_configuration_error_naming_the_dependency() {
        NoValidationProviderException e = catchThrowableOfType(NoValidationProviderException.class,
                () -> RequestValidator.byDefaultProvider(List::of));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.getMessage()).contains("org.hibernate.validator:hibernate-validator",
                "InvitationService.builder().validator(");
    }

    @Test
    void with_hibernate_validator_on_the_class_path_the_default_needs_no_expression_language() {
        assertThat(RequestValidator.byDefaultProvider()).isNotNull();
        assertThat(RequestValidator.PARAMETER_INTERPOLATOR)
                .isEqualTo(org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator.class.getName());
    }
}
