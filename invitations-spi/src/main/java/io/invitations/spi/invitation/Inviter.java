package io.invitations.spi.invitation;

import org.apiguardian.api.API;

import java.util.Set;

/**
 * The acting principal: who invites, resends, revokes or approves. System actors (directory sync,
 * an admin API) are inviters too, see {@link #system(String)}.
 *
 * @param userId             the host's id of the actor; not blank
 * @param displayName        the name shown in messages ("Jane Doe invited you"); not blank
 * @param level              the actor's permission level, not {@code null}
 * @param units              the units a {@code *_LOCAL} actor acts in; empty for tenant-wide levels
 * @param administeredGroups the groups the actor administers (group admins may invite into them
 *                           when the tenant allows)
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Inviter(String userId, String displayName, PermissionLevel level, Set<UnitId> units,
                      Set<String> administeredGroups) {
    /** Prefix of the user id of {@link #system(String) system actors}. */
    public static final String SYSTEM_PREFIX = "system:";

    /**
     * Validates and copies the arguments.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if an argument is missing, or an
     *         id or name is blank or too long
     */
    public Inviter {
        Values.requireText(userId, "userId", 256);
        Values.requireText(displayName, "displayName", 256);
        Values.require(level, "level");
        units = Values.copyOf(units, "units");
        administeredGroups = Values.copyOf(administeredGroups, "administeredGroups");
    }

    /**
     * Creates an actor with no units and no administered groups.
     *
     * @param userId      the host's id of the actor
     * @param displayName the name shown in messages
     * @param level       the permission level
     * @return the actor
     */
    public static Inviter of(String userId, String displayName, PermissionLevel level) {
        return new Inviter(userId, displayName, level, Set.of(), Set.of());
    }

    /**
     * Creates a system actor at {@link PermissionLevel#ADMIN_TENANT}, e.g. a directory sync.
     *
     * @param name the system's name, e.g. {@code "directory-sync"}
     * @return the actor, whose user id is {@code "system:" + name}
     */
    public static Inviter system(String name) {
        return new Inviter(SYSTEM_PREFIX + name, name, PermissionLevel.ADMIN_TENANT, Set.of(), Set.of());
    }

    /**
     * Returns a copy acting in the given units.
     *
     * @param newUnits the units, not {@code null}
     * @return a new actor
     */
    public Inviter withUnits(Set<UnitId> newUnits) {
        return new Inviter(userId, displayName, level, newUnits, administeredGroups);
    }

    /**
     * Returns a copy administering the given groups.
     *
     * @param groups the groups, not {@code null}
     * @return a new actor
     */
    public Inviter withAdministeredGroups(Set<String> groups) {
        return new Inviter(userId, displayName, level, units, groups);
    }

    /**
     * Tells whether this is a system actor created by {@link #system(String)}.
     *
     * @return {@code true} for system actors
     */
    public boolean isSystem() {
        return userId.startsWith(SYSTEM_PREFIX);
    }
}
