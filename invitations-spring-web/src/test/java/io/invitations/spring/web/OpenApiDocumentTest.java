package io.invitations.spring.web;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The committed {@code docs/openapi.json} is what springdoc generates from the controllers. After
 * changing the API, rewrite it with
 * {@code mvn -pl invitations-spring-web -am test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true}.
 */
@DisplayName("OpenAPI: the committed description equals the generated one")
@SpringBootTest(classes = WebTestApplication.class, properties = {"springdoc.writer-with-default-pretty-printer=true",
        "springdoc.writer-with-order-by-keys=true"})
@AutoConfigureMockMvc
@Import(OpenApiDocumentTest.ApiInfo.class)
class OpenApiDocumentTest {
    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    @Autowired
    MockMvc mvc;

    @TestConfiguration(proxyBeanMethods = false)
    static class ApiInfo {
        @Bean
        OpenAPI invitationsOpenApi() {
            return new OpenAPI().info(new io.swagger.v3.oas.models.info.Info().title("Invitations HTTP API")
                    .version("0.2.0").description("The invitee's endpoints and the administrators' JSON API of "
                            + "invitations-spring-web. Errors are RFC 9457 problem details (application/problem+json)"
                            + " with a stable 'code' and its 'category'."));
        }
    }

    @Test
    void the_committed_openapi_file_is_the_generated_one() throws Exception {
        String generated = mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).strip() + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("docs/openapi.json must exist").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/openapi.json is out of date; regenerate it with -Dopenapi.write=true (see this test's Javadoc)")
                .isEqualTo(generated);
    }
}
