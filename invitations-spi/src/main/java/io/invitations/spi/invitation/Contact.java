package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * How an invitee is reached and recognised: an {@link EmailAddress} or an {@link Identifier}
 * (phone number, personnel number, birth date, or a host-defined kind) for people without email.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public sealed interface Contact permits EmailAddress, Identifier {
    /**
     * The key under which two contacts count as the same person: emails compare case-insensitively,
     * identifiers by kind and value. Stores index open invitations by tenant, target and this key.
     *
     * @return the key, never {@code null}
     */
    String matchKey();
}
