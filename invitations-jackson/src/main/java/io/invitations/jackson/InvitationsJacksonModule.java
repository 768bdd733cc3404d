package io.invitations.jackson;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.TenantId;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import java.util.function.Function;

/**
 * A Jackson 3 module that writes the library's id types ({@link TenantId}, {@link InvitationId},
 * {@link LinkId}, {@link BatchId}) as plain JSON strings and reads them back from strings, so that a
 * host's own {@code ObjectMapper} (for example Spring Boot 4's) shows {@code "acme"} rather than
 * {@code {"value":"acme"}}:
 *
 * <pre>{@code JsonMapper mapper = JsonMapper.builder().addModule(new InvitationsJacksonModule()).build();}</pre>
 *
 * <p>A blank or otherwise refused id is reported as Jackson's input-mismatch error naming the id type.
 *
 * @since 1.0.0
 */
public final class InvitationsJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public InvitationsJacksonModule() {
        super("invitations-ids");
        id(TenantId.class, TenantId::of);
        id(InvitationId.class, InvitationId::of);
        id(LinkId.class, LinkId::of);
        id(BatchId.class, BatchId::of);
    }

    private <T> void id(Class<T> type, Function<String, T> factory) {
        addSerializer(type, ToStringSerializer.instance);
        addDeserializer(type, new IdDeserializer<>(type, factory));
    }

    /** Reads an id type from its string form. */
    private static final class IdDeserializer<T> extends StdScalarDeserializer<T> {
        private final transient Function<String, T> factory;

        IdDeserializer(Class<T> type, Function<String, T> factory) {
            super(type);
            this.factory = factory;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.currentToken().isScalarValue()) {
                return ctxt.reportInputMismatch(this, "expected the " + handledType().getSimpleName()
                        + " as a string");
            }
            try {
                return factory.apply(p.getValueAsString());
            } catch (IllegalArgumentException | NullPointerException | InvitationException e) {
                return ctxt.reportInputMismatch(this, "not a valid " + handledType().getSimpleName() + ": "
                        + e.getMessage());
            }
        }
    }
}
