package io.invitations.spi;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every error code has one category, mapped once to HTTP")
class ErrorCategoryTest {
    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void every_code_has_a_category(ErrorCode code) {
        assertThat(code.category()).as(code.name()).isNotNull();
        assertThat(code.category().httpStatus()).isBetween(400, 599);
    }

    @Test
    void the_categories_read_as_their_http_status() {
        assertThat(ErrorCode.INVALID_REQUEST.category().httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.LEVEL_TOO_LOW.category().httpStatus()).isEqualTo(403);
        assertThat(ErrorCode.NOT_FOUND.category().httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.INVALID_TOKEN.category().httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.ALREADY_INVITED.category().httpStatus()).isEqualTo(409);
        assertThat(ErrorCode.EXPIRED.category().httpStatus()).isEqualTo(410);
        assertThat(ErrorCode.THROTTLED.category().httpStatus()).isEqualTo(429);
        assertThat(ErrorCode.STORAGE_FAILURE.category().httpStatus()).isEqualTo(503);
        assertThat(ErrorCode.CONFIGURATION.category().httpStatus()).isEqualTo(500);
    }

    @Test
    void every_category_is_used() {
        Set<ErrorCategory> used = EnumSet.noneOf(ErrorCategory.class);
        for (ErrorCode c : ErrorCode.values()) {
            used.add(c.category());
        }
        assertThat(used).containsExactlyInAnyOrder(ErrorCategory.values());
    }
}
