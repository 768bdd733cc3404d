package io.invitations.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.TenantId;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The stable JSON form of events, for webhooks and audit logs: one object whose {@code "type"} is
 * {@link InvitationEvent#type()} (e.g. {@code "invitation.accepted"}), followed by the event's
 * fields by name; ids are strings, instants ISO-8601 ({@code 2026-11-22T09:00:00Z}). Status events
 * also carry {@code "from"} and {@code "to"}. Reading ignores fields it does not know, so consumers
 * survive fields added later.
 *
 * <pre>{@code {"type":"invitation.revoked","tenantId":"acme","invitationId":"42",
 *  "at":"2026-11-22T09:00:00Z","actor":"u-1","from":"PENDING","reason":"left","to":"REVOKED"}}</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class InvitationEventJson {
    private static final Map<String, Class<? extends InvitationEvent>> TYPES = types();
    private static final ObjectMapper MAPPER = mapper();

    private InvitationEventJson() {
    }

    /**
     * Writes an event as JSON.
     *
     * @param event the event, not {@code null}
     * @return the JSON text, one line
     */
    public static String toJson(InvitationEvent event) {
        Objects.requireNonNull(event, "event");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", event.type());
        root.setAll((ObjectNode) MAPPER.valueToTree(event));
        if (event instanceof InvitationEvent.StatusEvent s) {
            root.put("from", s.from() == null ? null : s.from().name());
            root.put("to", s.to().name());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write event " + event.type(), e);
        }
    }

    /**
     * Reads an event from its JSON form.
     *
     * @param json the JSON text, not {@code null}
     * @return the event
     * @throws EventJsonException if the text is not JSON, has no known {@code "type"}, or misses a field
     */
    public static InvitationEvent fromJson(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("event JSON is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw new EventJsonException("event JSON must be an object with a \"type\" text field", null);
        }
        String type = root.get("type").asText();
        Class<? extends InvitationEvent> cls = TYPES.get(type);
        if (cls == null) {
            throw new EventJsonException("unknown event type \"" + type + "\"; known types are " + TYPES.keySet(),
                    null);
        }
        try {
            return MAPPER.treeToValue(root, cls);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventJsonException("event JSON of type \"" + type + "\" is incomplete or malformed: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /**
     * Returns every event type this form knows.
     *
     * @return the type names, e.g. {@code invitation.accepted}
     */
    public static Set<String> knownTypes() {
        return TYPES.keySet();
    }

    private static Map<String, Class<? extends InvitationEvent>> types() {
        Map<String, Class<? extends InvitationEvent>> m = new LinkedHashMap<>();
        m.put("invitation.provisioned", InvitationEvent.Provisioned.class);
        m.put("invitation.invited", InvitationEvent.Invited.class);
        m.put("invitation.resent", InvitationEvent.Resent.class);
        m.put("invitation.reinvited", InvitationEvent.Reinvited.class);
        m.put("invitation.accepted", InvitationEvent.Accepted.class);
        m.put("invitation.approval_requested", InvitationEvent.ApprovalRequested.class);
        m.put("invitation.approved", InvitationEvent.Approved.class);
        m.put("invitation.rejected", InvitationEvent.Rejected.class);
        m.put("invitation.declined", InvitationEvent.Declined.class);
        m.put("invitation.revoked", InvitationEvent.Revoked.class);
        m.put("invitation.expired", InvitationEvent.Expired.class);
        m.put("delivery.delivered", InvitationEvent.Delivered.class);
        m.put("delivery.failed", InvitationEvent.DeliveryFailed.class);
        m.put("link.created", InvitationEvent.LinkCreated.class);
        m.put("link.deactivated", InvitationEvent.LinkDeactivated.class);
        m.put("link.reactivated", InvitationEvent.LinkReactivated.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static ObjectMapper mapper() {
        SimpleModule ids = new SimpleModule("invitation-ids");
        ids.addSerializer(TenantId.class, ToStringSerializer.instance);
        ids.addSerializer(InvitationId.class, ToStringSerializer.instance);
        ids.addSerializer(LinkId.class, ToStringSerializer.instance);
        ids.addDeserializer(TenantId.class, new IdDeserializer<>(TenantId.class, TenantId::of));
        ids.addDeserializer(InvitationId.class, new IdDeserializer<>(InvitationId.class, InvitationId::of));
        ids.addDeserializer(LinkId.class, new IdDeserializer<>(LinkId.class, LinkId::of));
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(ids)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Reads an id type from its string form. */
    private static final class IdDeserializer<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;

        private final transient Function<String, T> factory;

        IdDeserializer(Class<T> type, Function<String, T> factory) {
            super(type);
            this.factory = factory;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return ctxt.reportInputMismatch(this, "expected the id as a string");
            }
            return factory.apply(p.getValueAsString());
        }
    }
}
