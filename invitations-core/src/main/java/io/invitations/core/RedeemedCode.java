package io.invitations.core;

import java.util.Objects;

/**
 * The invitation an access code opened: what the invitee page shows, and the claim token to accept
 * (or decline) with, exactly as if the invitee had followed a claim link. The token is a secret
 * handed to the invitee who proved the code: {@link #toString()} never shows it.
 *
 * @param inspection what the invitation offers and what the claim needs, not {@code null}
 * @param token      the claim token for {@link ClaimRequest#builder(String)}, not {@code null}
 * @since 0.1.0
 */
public record RedeemedCode(ClaimInspection inspection, String token) {
    /**
     * Validates the result.
     *
     * @throws NullPointerException if a component is null
     */
    public RedeemedCode {
        Objects.requireNonNull(inspection, "inspection");
        Objects.requireNonNull(token, "token");
    }

    /** Shows the inspection, never the token. */
    @Override
    public String toString() {
        return "RedeemedCode[inspection=" + inspection + ", token=(hidden)]";
    }
}
