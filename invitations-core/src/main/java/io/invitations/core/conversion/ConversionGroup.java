package io.invitations.core.conversion;

import org.apiguardian.api.API;

/**
 * What a conversion report's funnels are per.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public enum ConversionGroup {
    /** One funnel for the whole tenant; its key is the tenant id. */
    TENANT,
    /** One funnel per inviter; the key is the inviter's user id. */
    INVITER,
    /** One funnel per bulk batch; the key is the batch id. Invitations not sent in bulk are left out. */
    BATCH,
    /** One funnel per {@link Channel}; the key is the channel's name. */
    CHANNEL
}
