package io.invitations.core.token.internal;

import org.apiguardian.api.API;

/**
 * What a derived secret is for. The purpose is mixed into the MAC, so a secret made for one purpose
 * never verifies as another, and each kind of token carries its own visible prefix (which also lets
 * secret scanners recognise leaked tokens).
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public enum TokenPurpose {
    /** The claim link of one invitation. */
    INVITATION_LINK("inv1"),
    /** A shareable multi-use invitation link. */
    SHAREABLE_LINK("lnk1"),
    /** The access code of an identifier invitation. */
    ACCESS_CODE("acc1"),
    /** The tombstone of an erased contact: a keyed hash, never a token. */
    ERASURE("era1"),
    /** The opt-out link of a recipient in one tenant; its subject is the contact's opt-out key. */
    OPT_OUT("out1");

    private final String prefix;

    TokenPurpose(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Returns the visible prefix of tokens of this purpose.
     *
     * @return the prefix, e.g. {@code inv1}
     */
    public String prefix() {
        return prefix;
    }
}
