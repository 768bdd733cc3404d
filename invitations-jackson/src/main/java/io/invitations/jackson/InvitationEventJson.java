package io.invitations.jackson;

import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * <p>Built on Jackson 3 ({@code tools.jackson}), which lives in packages of its own: a host on
 * Jackson 2 uses this class as it is, beside its own mapper. Thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
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
        return MAPPER.writeValueAsString(root);
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
        } catch (JacksonException e) {
            throw new EventJsonException("event JSON is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("type").isString()) {
            throw new EventJsonException("event JSON must be an object with a \"type\" text field", null);
        }
        String type = root.get("type").asString();
        Class<? extends InvitationEvent> cls = TYPES.get(type);
        if (cls == null) {
            throw new EventJsonException("unknown event type \"" + type + "\"; known types are " + TYPES.keySet(),
                    null);
        }
        try {
            return MAPPER.treeToValue(root, cls);
        } catch (JacksonException | IllegalArgumentException | InvitationException e) {
            throw new EventJsonException("event JSON of type \"" + type + "\" is incomplete or malformed: "
                    + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()), e);
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
        m.put("delivery.bounced", InvitationEvent.Bounced.class);
        m.put("invitation.opened", InvitationEvent.Opened.class);
        m.put("invitation.link_shared", InvitationEvent.ClaimLinkShared.class);
        m.put("invitation.reassigned", InvitationEvent.Reassigned.class);
        m.put("invitation.reminded", InvitationEvent.Reminded.class);
        m.put("invitation.erased", InvitationEvent.Erased.class);
        m.put("invitation.account_mismatch", InvitationEvent.AccountMismatch.class);
        m.put("link.created", InvitationEvent.LinkCreated.class);
        m.put("link.deactivated", InvitationEvent.LinkDeactivated.class);
        m.put("link.reactivated", InvitationEvent.LinkReactivated.class);
        return Collections.unmodifiableMap(m);
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder().addModule(new InvitationsJacksonModule())
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
