package io.invitations.jackson;

import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A host's Jackson 3 mapper writes the id types as plain strings")
class InvitationsJacksonModuleTest {
    /** A host's value that carries every id type. */
    record Ids(TenantId tenant, InvitationId invitation, LinkId link, BatchId batch) {
    }

    private final JsonMapper mapper = JsonMapper.builder().addModule(new InvitationsJacksonModule()).build();

    @Test
    void ids_are_written_as_strings_and_read_back() {
        Ids ids = new Ids(TenantId.of("acme"), InvitationId.of("inv-1"), LinkId.of("link-1"), BatchId.of("b-1"));
        String json = mapper.writeValueAsString(ids);
        assertThat(json).contains("\"tenant\":\"acme\"", "\"invitation\":\"inv-1\"", "\"link\":\"link-1\"",
                "\"batch\":\"b-1\"");
        assertThat(mapper.readValue(json, Ids.class)).isEqualTo(ids);
    }

    @Test
    void a_blank_or_structured_id_is_a_jackson_error_naming_the_id_type() {
        assertThatThrownBy(() -> mapper.readValue("\"\"", TenantId.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("TenantId");
        assertThatThrownBy(() -> mapper.readValue("{\"value\":\"acme\"}", TenantId.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("TenantId");
    }
}
