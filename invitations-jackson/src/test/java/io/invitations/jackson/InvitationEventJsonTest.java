package io.invitations.jackson;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.event.InvitationEvent.Accepted;
import io.invitations.spi.event.InvitationEvent.ApprovalRequested;
import io.invitations.spi.event.InvitationEvent.Approved;
import io.invitations.spi.event.InvitationEvent.Declined;
import io.invitations.spi.event.InvitationEvent.Delivered;
import io.invitations.spi.event.InvitationEvent.DeliveryFailed;
import io.invitations.spi.event.InvitationEvent.Expired;
import io.invitations.spi.event.InvitationEvent.Invited;
import io.invitations.spi.event.InvitationEvent.LinkCreated;
import io.invitations.spi.event.InvitationEvent.LinkDeactivated;
import io.invitations.spi.event.InvitationEvent.LinkReactivated;
import io.invitations.spi.event.InvitationEvent.Provisioned;
import io.invitations.spi.event.InvitationEvent.Reinvited;
import io.invitations.spi.event.InvitationEvent.Rejected;
import io.invitations.spi.event.InvitationEvent.Resent;
import io.invitations.spi.event.InvitationEvent.Revoked;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Events have a stable JSON form")
class InvitationEventJsonTest {
    private static final TenantId T = TenantId.of("acme");
    private static final InvitationId I = InvitationId.of("inv-1");
    private static final LinkId L = LinkId.of("link-1");
    private static final Instant AT = Instant.parse("2026-11-22T09:00:00.123Z");

    /** One example of every event record. */
    static List<InvitationEvent> everyEvent() {
        return List.of(
                new Provisioned(T, I, AT, "u-1"),
                new Invited(T, I, AT, "u-1", null),
                new Invited(T, I, AT, "u-1", InvitationStatus.PROVISIONED),
                new Resent(T, I, AT, "u-1", 2, true),
                new Reinvited(T, I, AT, "u-1"),
                new Accepted(T, I, AT, "acct-1", "acct-1", "u-1"),
                new ApprovalRequested(T, I, AT, "acct-1", "acct-1"),
                new Approved(T, I, AT, "u-2", "u-1"),
                new Rejected(T, I, AT, "u-2", "no \"quotes\" lost"),
                new Rejected(T, I, AT, "u-2", null),
                new Declined(T, I, AT, "invitee"),
                new Revoked(T, I, AT, "u-1", InvitationStatus.EXPIRED, "left the company"),
                new Expired(T, I, AT, "system:expiry"),
                new Delivered(T, I, AT, "system:outbox", 1),
                new DeliveryFailed(T, I, AT, "system:outbox", 2, "550 mailbox unknown"),
                new InvitationEvent.Bounced(T, I, AT, "system:delivery-feedback", 1, true, false, "550 5.1.1"),
                new InvitationEvent.Bounced(T, I, AT, "system:delivery-feedback", 2, false, false, null),
                new InvitationEvent.Bounced(T, I, AT, "system:delivery-feedback", 1, true, true, "abuse"),
                new InvitationEvent.Opened(T, I, AT, "invitee"),
                new InvitationEvent.ClaimLinkShared(T, I, AT, "u-1"),
                new InvitationEvent.Reassigned(T, I, AT, "system:directory", "u-1", "u-2"),
                new InvitationEvent.Reminded(T, I, AT, "system:reminders", 2),
                new InvitationEvent.Erased(T, I, AT, "system:retention", true),
                new InvitationEvent.AccountMismatch(T, I, AT, "invitee",
                        InvitationEvent.AccountMismatch.Outcome.HELD_FOR_APPROVAL),
                new LinkCreated(T, L, AT, "u-1"),
                new LinkDeactivated(T, L, AT, "u-1"),
                new LinkReactivated(T, L, AT, "u-1"));
    }

    /** Every concrete record the sealed family permits, found by walking it. */
    private static Set<Class<?>> everyEventRecord() {
        Set<Class<?>> records = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(InvitationEvent.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isRecord()) {
                records.add(c);
            } else {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            }
        }
        return records;
    }

    @Test
    void the_examples_cover_every_event_type_of_the_spi() {
        assertThat(everyEvent().stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(everyEventRecord());
        assertThat(InvitationEventJson.knownTypes()).hasSameSizeAs(everyEventRecord())
                .containsExactlyInAnyOrderElementsOf(everyEvent().stream().map(InvitationEvent::type).distinct().toList());
    }

    @Test
    void every_event_round_trips_through_json() {
        for (InvitationEvent e : everyEvent()) {
            String json = InvitationEventJson.toJson(e);
            assertThat(InvitationEventJson.fromJson(json)).as(json).isEqualTo(e);
        }
    }

    @Test
    void the_json_starts_with_the_type_and_writes_ids_as_strings_and_instants_in_iso_8601() {
        String json = InvitationEventJson.toJson(new Revoked(T, I, AT, "u-1", InvitationStatus.PENDING, "oops"));
        assertThat(json).isEqualTo("{\"type\":\"invitation.revoked\",\"tenantId\":\"acme\",\"invitationId\":\"inv-1\","
                + "\"at\":\"2026-11-22T09:00:00.123Z\",\"actor\":\"u-1\",\"from\":\"PENDING\",\"reason\":\"oops\","
                + "\"to\":\"REVOKED\"}");
        assertThat(InvitationEventJson.toJson(new LinkCreated(T, L, AT, "u-1")))
                .isEqualTo("{\"type\":\"link.created\",\"tenantId\":\"acme\",\"linkId\":\"link-1\","
                        + "\"at\":\"2026-11-22T09:00:00.123Z\",\"actor\":\"u-1\"}");
    }

    @Test
    void unknown_fields_are_ignored_so_consumers_survive_additions() {
        String json = "{\"type\":\"invitation.expired\",\"tenantId\":\"acme\",\"invitationId\":\"inv-1\","
                + "\"at\":\"2026-11-22T09:00:00Z\",\"actor\":\"system:expiry\",\"addedLater\":42}";
        assertThat(InvitationEventJson.fromJson(json))
                .isEqualTo(new Expired(T, I, Instant.parse("2026-11-22T09:00:00Z"), "system:expiry"));
    }

    @Test
    void malformed_json_is_a_typed_error() {
        for (String bad : new String[]{"", "not json", "[]", "{}", "{\"type\":1}", "{\"type\":\"nope\"}",
                "{\"type\":\"invitation.expired\",\"tenantId\":\"acme\"}",
                "{\"type\":\"invitation.expired\",\"tenantId\":\"\",\"invitationId\":\"i\",\"at\":\"2026-11-22T09:00:00Z\",\"actor\":\"a\"}",
                "{\"type\":\"delivery.delivered\",\"tenantId\":\"acme\",\"invitationId\":\"i\",\"at\":\"x\",\"actor\":\"a\",\"sendNumber\":1}"}) {
            EventJsonException e = catchThrowableOfType(EventJsonException.class, () -> InvitationEventJson.fromJson(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        }
    }
}
