package io.invitations.core.link;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.LinkId;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Set;

/**
 * Thrown when a genuine shareable link can take no join: the tenant switched links off
 * ({@link ErrorCode#LINKS_DISABLED}), the link was deactivated or replaced by a reactivation
 * ({@link ErrorCode#LINK_INACTIVE}), its expiry passed ({@link ErrorCode#LINK_EXPIRED}) or it had
 * its maximum of uses ({@link ErrorCode#LINK_EXHAUSTED}). A forged or unknown token gives an
 * {@link io.invitations.core.token.InvalidTokenException} instead. The message never holds a token.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class LinkClosedException extends InvitationException {
    private static final long serialVersionUID = 1L;
    private static final Set<ErrorCode> CODES = Set.of(ErrorCode.LINKS_DISABLED, ErrorCode.LINK_INACTIVE,
            ErrorCode.LINK_EXPIRED, ErrorCode.LINK_EXHAUSTED);

    private final String linkId;

    /**
     * Creates the exception.
     *
     * @param code   one of LINKS_DISABLED, LINK_INACTIVE, LINK_EXPIRED, LINK_EXHAUSTED
     * @param linkId the link, not {@code null}
     * @throws IllegalArgumentException for another code
     */
    public LinkClosedException(ErrorCode code, LinkId linkId) {
        super(check(code), message(code));
        this.linkId = Objects.requireNonNull(linkId, "linkId").value();
    }

    /**
     * Returns the link.
     *
     * @return the link's id
     */
    public LinkId linkId() {
        return LinkId.of(linkId);
    }

    private static ErrorCode check(ErrorCode code) {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("a closed link is one of " + CODES + ", not " + code);
        }
        return code;
    }

    private static String message(ErrorCode code) {
        return switch (code) {
            case LINKS_DISABLED -> "invitation links are switched off for this organization; ask an administrator"
                    + " for a personal invitation";
            case LINK_INACTIVE -> "this invitation link was deactivated; ask the person who shared it for the"
                    + " current link";
            case LINK_EXPIRED -> "this invitation link has expired; ask the person who shared it for a new one";
            default -> "this invitation link has been used as many times as allowed; ask the person who shared it"
                    + " for another link";
        };
    }
}
