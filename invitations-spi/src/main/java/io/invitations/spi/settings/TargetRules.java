package io.invitations.spi.settings;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import org.apiguardian.api.API;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may invite to one kind of target, and as what: the membership platform lets only HR invite new
 * members while any member may invite guests to an event. Set per target type with
 * {@link TenantSettings.Builder#targetRules(String, TargetRules)}; a target type without rules
 * follows the tenant-wide {@link TenantSettings#minimumInviteLevel()} and
 * {@link TenantSettings#guestsAllowed()}.
 *
 * @param minimumInviteLevel the lowest level that may invite to this kind of target, not {@code null}
 * @param membershipTypes    the membership types an invitation to it may grant, not empty
 * @since 1.0.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record TargetRules(PermissionLevel minimumInviteLevel, Set<MembershipType> membershipTypes) {
    /**
     * Checks and copies the values.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} when the level is missing or no
     *                             membership type is allowed
     */
    public TargetRules {
        InvitationException.requireValue(minimumInviteLevel, "minimumInviteLevel");
        InvitationException.requireValue(membershipTypes, "membershipTypes");
        if (membershipTypes.isEmpty()) {
            throw InvitationException.invalidValue(
                    "membershipTypes must allow at least one of MEMBER and GUEST, or the target could never be invited to");
        }
        membershipTypes = Set.copyOf(EnumSet.copyOf(membershipTypes));
    }

    /**
     * Rules letting this level and above invite members and guests.
     *
     * @param minimumInviteLevel the lowest level that may invite, not {@code null}
     * @return the rules
     */
    public static TargetRules level(PermissionLevel minimumInviteLevel) {
        return new TargetRules(minimumInviteLevel, EnumSet.allOf(MembershipType.class));
    }

    /**
     * Rules letting this level and above invite guests only (an event's invitations).
     *
     * @param minimumInviteLevel the lowest level that may invite, not {@code null}
     * @return the rules
     */
    public static TargetRules guestsOnly(PermissionLevel minimumInviteLevel) {
        return new TargetRules(minimumInviteLevel, EnumSet.of(MembershipType.GUEST));
    }

    /**
     * Tells whether an invitation to the target may grant this membership type.
     *
     * @param type the type, not {@code null}
     * @return {@code true} when allowed
     */
    public boolean allows(MembershipType type) {
        return membershipTypes.contains(type);
    }
}
