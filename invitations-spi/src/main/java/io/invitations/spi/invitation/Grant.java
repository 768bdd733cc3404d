package io.invitations.spi.invitation;

import org.apiguardian.api.API;

import java.util.Map;
import java.util.Set;

/**
 * What accepting an invitation gives: a role, a membership type, groups or teams, a unit, and
 * metadata copied onto the account.
 *
 * @param role           the host-defined role name; required
 * @param membershipType member or guest, not {@code null}
 * @param groups         groups or teams to join; may be empty
 * @param unit           the unit the member belongs to, or {@code null}
 * @param metadata       free-form values copied onto the account at acceptance; may be empty
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Grant(String role, MembershipType membershipType, Set<String> groups, UnitId unit,
                    Map<String, String> metadata) {
    /**
     * Validates and copies the arguments.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required argument is missing
     *         or the role is blank
     */
    public Grant {
        role = Values.requireText(role, "role", 128).strip();
        Values.require(membershipType, "membershipType");
        groups = Values.copyOf(groups, "groups");
        metadata = Values.copyOf(metadata, "metadata");
    }

    /**
     * Creates a member grant with a role and nothing else.
     *
     * @param role the role name
     * @return the grant
     */
    public static Grant role(String role) {
        return new Grant(role, MembershipType.MEMBER, Set.of(), null, Map.of());
    }

    /**
     * Returns a copy with another membership type.
     *
     * @param type the membership type
     * @return a new grant
     */
    public Grant withMembershipType(MembershipType type) {
        return new Grant(role, type, groups, unit, metadata);
    }

    /**
     * Returns a copy with other groups.
     *
     * @param newGroups the groups
     * @return a new grant
     */
    public Grant withGroups(Set<String> newGroups) {
        return new Grant(role, membershipType, newGroups, unit, metadata);
    }

    /**
     * Returns a copy in another unit.
     *
     * @param newUnit the unit, or {@code null}
     * @return a new grant
     */
    public Grant withUnit(UnitId newUnit) {
        return new Grant(role, membershipType, groups, newUnit, metadata);
    }

    /**
     * Returns a copy with other metadata.
     *
     * @param newMetadata the metadata
     * @return a new grant
     */
    public Grant withMetadata(Map<String, String> newMetadata) {
        return new Grant(role, membershipType, groups, unit, newMetadata);
    }
}
