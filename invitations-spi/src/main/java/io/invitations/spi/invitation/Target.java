package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Locale;

/**
 * What an invitation grants access to: membership of the tenant (the default) or a resource inside
 * it, such as a group, an event, a project or a task.
 *
 * @param type {@value #MEMBERSHIP_TYPE} for tenant membership, else the resource type in lower case
 * @param id   the resource id; empty for membership
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Target(String type, String id) {
    /** The type of the membership target. */
    public static final String MEMBERSHIP_TYPE = "membership";
    private static final Target MEMBERSHIP = new Target(MEMBERSHIP_TYPE, "");

    /**
     * Validates the target.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if the type is missing or blank,
     *         a resource target's id is missing or blank, or the membership target has an id
     */
    public Target {
        type = Values.requireText(type, "target type", 64).strip().toLowerCase(Locale.ROOT);
        if (id == null) {
            throw InvitationException.invalidValue("target id must be set: give the resource's id, or use "
                    + "Target.membership() for the tenant itself");
        }
        if (MEMBERSHIP_TYPE.equals(type)) {
            if (!id.isEmpty()) {
                throw InvitationException.invalidValue("the membership target has no id: use Target.membership()");
            }
        } else {
            Values.requireText(id, "target id", 128);
        }
    }

    /**
     * Returns the tenant-membership target.
     *
     * @return the membership target
     */
    public static Target membership() {
        return MEMBERSHIP;
    }

    /**
     * Returns a resource target.
     *
     * @param type the resource type, e.g. {@code "event"}, {@code "group"}, {@code "task"}
     * @param id   the resource id
     * @return the target
     */
    public static Target resource(String type, String id) {
        return new Target(type, id);
    }

    /**
     * Tells whether this is tenant membership.
     *
     * @return {@code true} for the membership target
     */
    public boolean isMembership() {
        return MEMBERSHIP_TYPE.equals(type);
    }

    @Override
    public String toString() {
        return isMembership() ? type : type + ":" + id;
    }
}
