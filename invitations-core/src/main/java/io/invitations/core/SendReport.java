package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * The result of sending several provisioned invitations: which were sent and which were refused, and
 * why. One refusal never stops the others.
 *
 * @param sent    the invitations now pending, in the order asked
 * @param refused the ones not sent, in the order asked
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record SendReport(List<Invitation> sent, List<Refused> refused) {
    /** Copies the lists. */
    public SendReport {
        sent = List.copyOf(sent);
        refused = List.copyOf(refused);
    }

    /**
     * One invitation that was not sent.
     *
     * @param invitationId the invitation, not {@code null}
     * @param code         why, as a stable code, not {@code null}
     * @param message      why, in words, not {@code null}
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public record Refused(InvitationId invitationId, ErrorCode code, String message) {
        /**
         * Validates the refusal.
         *
         * @throws NullPointerException if a component is null
         */
        public Refused {
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
