package io.invitations.spi.settings;

import java.util.Objects;
import io.invitations.spi.message.Branding;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import org.apiguardian.api.API;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;

import java.net.IDN;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a tenant decides about invitations: who may invite, expiry, limits, claim steps,
 * shareable links. Build with {@link #builder()}; every
 * setting has a default, so {@code TenantSettings.builder().build()} is a working configuration.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class TenantSettings {
    private final boolean invitationsEnabled;
    private final PermissionLevel minimumInviteLevel;
    private final boolean groupAdminsMayInvite;
    private final boolean guestsAllowed;
    private final Set<String> allowedDomains;
    private final boolean selfRegistration;
    private final boolean linkInvitationsEnabled;
    private final boolean approvalRequired;
    private final InviteQuota quota;
    private final PermissionLevel manageLevel;
    private final int resendLimit;
    private final Duration resendCooldown;
    private final ResendPolicy resendPolicy;
    private final Duration invitationTtl;
    private final int bulkLimit;
    private final Map<String, PermissionLevel> roles;
    private final Locale defaultLocale;
    private final Branding branding;
    private final String claimUrlTemplate;
    private final SendLimits sendLimits;
    private final String optOutUrlTemplate;
    private final boolean termsRequired;
    private final List<String> profileFields;
    private final Set<String> defaultGroupPool;
    private final boolean inviteOnCreation;
    private final int minimumPasswordLength;
    private final String joinUrlTemplate;
    private final LookAlikePolicy lookAlikes;
    private final Map<String, TargetRules> targetRules;
    private final boolean claimGroupsFromDirectory;
    private final boolean brandingChosen;
    private final DepartedInviterPolicy departedInviters;
    private final ReminderSchedule reminders;
    private final Duration retention;
    private final OtherAccountPolicy otherAccounts;
    private final Set<String> aliasDomains;
    private final boolean acceptingAddressRequired;

    /** The placeholder the claim URL template must contain. */
    public static final String TOKEN_PLACEHOLDER = "{token}";
    /** The optional placeholder for the tenant id in the claim URL template. */
    public static final String TENANT_PLACEHOLDER = "{tenant}";

    /** What {@link #branding()} returns when none was chosen; the engine shows the tenant id instead. */
    private static final Branding PLACEHOLDER_BRANDING = Branding.named("Invitations");

    private static final TenantSettings DEFAULTS = builder().build();

    private TenantSettings(boolean invitationsEnabled, PermissionLevel minimumInviteLevel,
            boolean groupAdminsMayInvite, boolean guestsAllowed, Set<String> allowedDomains, boolean selfRegistration,
            boolean linkInvitationsEnabled, boolean approvalRequired, InviteQuota quota, PermissionLevel manageLevel,
            int resendLimit, Duration resendCooldown, ResendPolicy resendPolicy, Duration invitationTtl, int bulkLimit,
            Map<String, PermissionLevel> roles, Locale defaultLocale, Branding branding, String claimUrlTemplate,
            boolean termsRequired, List<String> profileFields, Set<String> defaultGroupPool, boolean inviteOnCreation,
            int minimumPasswordLength, String joinUrlTemplate, LookAlikePolicy lookAlikes,
            Map<String, TargetRules> targetRules, boolean claimGroupsFromDirectory,
            DepartedInviterPolicy departedInviters, ReminderSchedule reminders, Duration retention,
            SendLimits sendLimits, String optOutUrlTemplate, OtherAccountPolicy otherAccounts,
            Set<String> aliasDomains, boolean acceptingAddressRequired) {
        List<String> problems = new ArrayList<>();
        this.acceptingAddressRequired = acceptingAddressRequired;
        require(otherAccounts, "otherAccounts", problems);
        this.otherAccounts = otherAccounts;
        this.aliasDomains = normaliseDomains("aliasDomains", aliasDomains, problems);
        require(reminders, "reminders", problems);
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            problems.add("retention must be positive (or null to keep personal data), was " + retention);
        }
        this.retention = retention;
        require(lookAlikes, "lookAlikes", problems);
        require(departedInviters, "departedInviters", problems);
        this.brandingChosen = branding != null;
        branding = branding != null ? branding : PLACEHOLDER_BRANDING;
        this.targetRules = copyTargetRules(targetRules, problems);
        this.claimGroupsFromDirectory = claimGroupsFromDirectory;
        require(minimumInviteLevel, "minimumInviteLevel", problems);
        require(manageLevel, "manageLevel", problems);
        require(resendPolicy, "resendPolicy", problems);
        require(defaultLocale, "defaultLocale", problems);
        require(branding, "branding", problems);
        if (resendLimit < 0) {
            problems.add("resendLimit must not be negative, was " + resendLimit);
        }
        if (resendCooldown == null || resendCooldown.isNegative()) {
            problems.add("resendCooldown must be zero or positive, was " + resendCooldown);
        }
        if (invitationTtl == null || invitationTtl.isNegative() || invitationTtl.isZero()) {
            problems.add("invitationTtl must be positive, was " + invitationTtl);
        }
        if (joinUrlTemplate == null || !joinUrlTemplate.contains(TOKEN_PLACEHOLDER)) {
            problems.add("joinUrlTemplate must contain " + TOKEN_PLACEHOLDER + ", was " + joinUrlTemplate);
        }
        if (minimumPasswordLength < 1 || minimumPasswordLength > 128) {
            problems.add("minimumPasswordLength must be between 1 and 128, was " + minimumPasswordLength);
        }
        if (bulkLimit < 1) {
            problems.add("bulkLimit must be at least 1, was " + bulkLimit);
        }
        if (optOutUrlTemplate == null || !optOutUrlTemplate.contains(TOKEN_PLACEHOLDER)) {
            problems.add("optOutUrlTemplate must contain " + TOKEN_PLACEHOLDER + ", was " + optOutUrlTemplate);
        }
        if (claimUrlTemplate == null || !claimUrlTemplate.contains(TOKEN_PLACEHOLDER)) {
            problems.add("claimUrlTemplate must contain " + TOKEN_PLACEHOLDER + ", was " + claimUrlTemplate);
        }
        allowedDomains = normaliseDomains("allowedDomains", allowedDomains, problems);
        roles = copyRoles(roles, problems);
        profileFields = profileFields == null ? List.of() : List.copyOf(profileFields);
        defaultGroupPool = defaultGroupPool == null ? Set.of() : Set.copyOf(defaultGroupPool);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }

        this.invitationsEnabled = invitationsEnabled;
        this.minimumInviteLevel = minimumInviteLevel;
        this.groupAdminsMayInvite = groupAdminsMayInvite;
        this.guestsAllowed = guestsAllowed;
        this.allowedDomains = allowedDomains;
        this.selfRegistration = selfRegistration;
        this.linkInvitationsEnabled = linkInvitationsEnabled;
        this.approvalRequired = approvalRequired;
        this.quota = quota;
        this.manageLevel = manageLevel;
        this.resendLimit = resendLimit;
        this.resendCooldown = resendCooldown;
        this.resendPolicy = resendPolicy;
        this.invitationTtl = invitationTtl;
        this.bulkLimit = bulkLimit;
        this.roles = roles;
        this.defaultLocale = defaultLocale;
        this.branding = branding;
        this.claimUrlTemplate = claimUrlTemplate;
        this.sendLimits = sendLimits == null ? SendLimits.NONE : sendLimits;
        this.optOutUrlTemplate = optOutUrlTemplate;
        this.termsRequired = termsRequired;
        this.profileFields = profileFields;
        this.defaultGroupPool = defaultGroupPool;
        this.inviteOnCreation = inviteOnCreation;
        this.minimumPasswordLength = minimumPasswordLength;
        this.joinUrlTemplate = joinUrlTemplate;
        this.lookAlikes = lookAlikes;
        this.departedInviters = departedInviters;
        this.reminders = reminders;
    }

    /**
     * Returns the default settings.
     *
     * @return the defaults
     */
    public static TenantSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Starts building settings from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts building settings from these.
     *
     * @return a new builder holding these settings
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the per-inviter quota.
     *
     * @return the quota, or empty when inviters have none
     */
    public Optional<InviteQuota> quotaIfAny() {
        return Optional.ofNullable(quota);
    }

    /**
     * Looks a role up by name, ignoring case.
     *
     * @param role the role's name, not {@code null}
     * @return the role's name as the tenant spells it, or empty when the tenant has no such role
     */
    public Optional<String> canonicalRole(String role) {
        String wanted = role.strip();
        for (String r : roles.keySet()) {
            if (r.equalsIgnoreCase(wanted)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the level an inviter needs to grant a role.
     *
     * @param role the role's name, any case, not {@code null}
     * @return the level, or empty when the tenant has no such role
     */
    public Optional<PermissionLevel> levelToGrant(String role) {
        return canonicalRole(role).map(roles::get);
    }

    /**
     * Tells whether members may be invited with an address in this domain.
     *
     * @param asciiDomain the domain, lower-case ASCII, not {@code null}
     * @return {@code true} when no domains are set or the domain is one of them
     */
    public boolean allowsDomain(String asciiDomain) {
        return allowedDomains.isEmpty() || allowedDomains.contains(asciiDomain);
    }

    private static void require(Object value, String name, List<String> problems) {
        if (value == null) {
            problems.add(name + " must be set");
        }
    }

    private static Set<String> normaliseDomains(String field, Set<String> domains, List<String> problems) {
        if (domains == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String d : domains) {
            String cleaned = d == null ? "" : d.strip();
            if (cleaned.startsWith("@")) {
                cleaned = cleaned.substring(1);
            }
            try {
                String ascii = IDN.toASCII(cleaned, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                if (ascii.isEmpty() || !ascii.contains(".")) {
                    problems.add(field + " has '" + d + "', which is not a domain like example.com");
                } else {
                    out.add(ascii);
                }
            } catch (IllegalArgumentException e) {
                problems.add(field + " has '" + d + "', which is not a valid domain name");
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static Map<String, TargetRules> copyTargetRules(Map<String, TargetRules> rules, List<String> problems) {
        if (rules == null || rules.isEmpty()) {
            return Map.of();
        }
        Map<String, TargetRules> out = new LinkedHashMap<>();
        rules.forEach((type, r) -> {
            if (type == null || type.isBlank() || r == null) {
                problems.add("targetRules must map non-blank target types to rules, found " + type + " -> " + r);
            } else {
                out.put(type.strip().toLowerCase(Locale.ROOT), r);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, PermissionLevel> copyRoles(Map<String, PermissionLevel> roles, List<String> problems) {
        if (roles == null || roles.isEmpty()) {
            problems.add("roles must name at least one role with the level needed to grant it");
            return Map.of();
        }
        Map<String, PermissionLevel> out = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        roles.forEach((name, level) -> {
            if (name == null || name.isBlank() || level == null) {
                problems.add("roles must map non-blank names to a level, found " + name + " -> " + level);
            } else if (!seen.add(name.strip().toLowerCase(Locale.ROOT))) {
                problems.add("roles names '" + name + "' twice (names match ignoring case)");
            } else {
                out.put(name.strip(), level);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Builds {@link TenantSettings}; starts from the defaults. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private boolean invitationsEnabled = true;
        private PermissionLevel minimumInviteLevel = PermissionLevel.ADMIN_LOCAL;
        private boolean groupAdminsMayInvite;
        private boolean guestsAllowed = true;
        private Set<String> allowedDomains = Set.of();
        private boolean selfRegistration;
        private boolean linkInvitationsEnabled;
        private boolean approvalRequired;
        private InviteQuota quota;
        private PermissionLevel manageLevel = PermissionLevel.ADMIN_LOCAL;
        private int resendLimit = 5;
        private Duration resendCooldown = Duration.ofMinutes(5);
        private ResendPolicy resendPolicy = ResendPolicy.SAME_LINK_EXTEND;
        private Duration invitationTtl = Duration.ofDays(7);
        private int bulkLimit = 500;
        private Map<String, PermissionLevel> roles = defaultRoles();
        private Locale defaultLocale = Locale.ENGLISH;
        private Branding branding;
        private String claimUrlTemplate = "http://localhost:8080/claim/" + TOKEN_PLACEHOLDER;
        private SendLimits sendLimits = SendLimits.NONE;
        private String optOutUrlTemplate = "http://localhost:8080/opt-out/" + TOKEN_PLACEHOLDER;
        private OtherAccountPolicy otherAccounts = OtherAccountPolicy.STRICT;
        private Set<String> aliasDomains = Set.of();
        private boolean acceptingAddressRequired;
        private boolean termsRequired;
        private List<String> profileFields = List.of();
        private Set<String> defaultGroupPool = Set.of();
        private boolean inviteOnCreation;
        private int minimumPasswordLength = 8;
        private String joinUrlTemplate = "/join/" + TOKEN_PLACEHOLDER;
        private LookAlikePolicy lookAlikes = LookAlikePolicy.REFUSE;
        private Map<String, TargetRules> targetRules = Map.of();
        private boolean claimGroupsFromDirectory;
        private DepartedInviterPolicy departedInviters = DepartedInviterPolicy.REVOKE;
        private ReminderSchedule reminders = ReminderSchedule.none();
        private Duration retention;

        private Builder() {
        }

        private Builder(TenantSettings s) {
            invitationsEnabled = s.invitationsEnabled;
            minimumInviteLevel = s.minimumInviteLevel;
            groupAdminsMayInvite = s.groupAdminsMayInvite;
            guestsAllowed = s.guestsAllowed;
            allowedDomains = s.allowedDomains;
            selfRegistration = s.selfRegistration;
            linkInvitationsEnabled = s.linkInvitationsEnabled;
            approvalRequired = s.approvalRequired;
            quota = s.quota;
            manageLevel = s.manageLevel;
            resendLimit = s.resendLimit;
            resendCooldown = s.resendCooldown;
            resendPolicy = s.resendPolicy;
            invitationTtl = s.invitationTtl;
            bulkLimit = s.bulkLimit;
            roles = s.roles;
            defaultLocale = s.defaultLocale;
            branding = s.brandingChosen ? s.branding : null;
            targetRules = s.targetRules;
            claimGroupsFromDirectory = s.claimGroupsFromDirectory;
            claimUrlTemplate = s.claimUrlTemplate;
            sendLimits = s.sendLimits;
            optOutUrlTemplate = s.optOutUrlTemplate;
            otherAccounts = s.otherAccounts;
            aliasDomains = s.aliasDomains;
            acceptingAddressRequired = s.acceptingAddressRequired;
            termsRequired = s.termsRequired;
            profileFields = s.profileFields;
            defaultGroupPool = s.defaultGroupPool;
            inviteOnCreation = s.inviteOnCreation;
            minimumPasswordLength = s.minimumPasswordLength;
            joinUrlTemplate = s.joinUrlTemplate;
            lookAlikes = s.lookAlikes;
            departedInviters = s.departedInviters;
            reminders = s.reminders;
            retention = s.retention;
        }

        private static Map<String, PermissionLevel> defaultRoles() {
            Map<String, PermissionLevel> m = new LinkedHashMap<>();
            m.put("member", PermissionLevel.USER);
            m.put("admin", PermissionLevel.ADMIN_TENANT);
            return m;
        }

        /**
         * Switches invitations on or off.
         *
         * @param value {@code true} for on
         * @return this builder
         */
        public Builder invitationsEnabled(boolean value) {
            invitationsEnabled = value;
            return this;
        }

        /**
         * Sets the lowest level that may invite.
         *
         * @param value the level, not {@code null}
         * @return this builder
         */
        public Builder minimumInviteLevel(PermissionLevel value) {
            minimumInviteLevel = value;
            return this;
        }

        /**
         * Lets group administrators invite into their groups, whatever their level.
         *
         * @param value {@code true} to allow
         * @return this builder
         */
        public Builder groupAdminsMayInvite(boolean value) {
            groupAdminsMayInvite = value;
            return this;
        }

        /**
         * Allows or forbids guests.
         *
         * @param value {@code true} to allow guests
         * @return this builder
         */
        public Builder guestsAllowed(boolean value) {
            guestsAllowed = value;
            return this;
        }

        /**
         * Restricts members' email domains; empty for any.
         *
         * @param value the domains, e.g. {@code example.com} (IDN allowed)
         * @return this builder
         */
        public Builder allowedDomains(Set<String> value) {
            allowedDomains = value;
            return this;
        }

        /**
         * Restricts members' email domains.
         *
         * @param domains the domains
         * @return this builder
         */
        public Builder allowedDomains(String... domains) {
            return allowedDomains(new LinkedHashSet<>(List.of(domains)));
        }

        /**
         * Switches self-registration on or off.
         *
         * @param value {@code true} for on
         * @return this builder
         */
        public Builder selfRegistration(boolean value) {
            selfRegistration = value;
            return this;
        }

        /**
         * Switches shareable invitation links on or off.
         *
         * @param value {@code true} for on
         * @return this builder
         */
        public Builder linkInvitationsEnabled(boolean value) {
            linkInvitationsEnabled = value;
            return this;
        }

        /**
         * Makes acceptances wait for an approval.
         *
         * @param value {@code true} to require approval
         * @return this builder
         */
        public Builder approvalRequired(boolean value) {
            approvalRequired = value;
            return this;
        }

        /**
         * Sets the per-inviter quota.
         *
         * @param value the quota, or {@code null} for none
         * @return this builder
         */
        public Builder quota(InviteQuota value) {
            quota = value;
            return this;
        }

        /**
         * Sets the level from which one manages invitations others sent.
         *
         * @param value the level, not {@code null}
         * @return this builder
         */
        public Builder manageLevel(PermissionLevel value) {
            manageLevel = value;
            return this;
        }

        /**
         * Sets how many times an invitation may be resent.
         *
         * @param value at least 0
         * @return this builder
         */
        public Builder resendLimit(int value) {
            resendLimit = value;
            return this;
        }

        /**
         * Sets how long after a message a resend is refused.
         *
         * @param value zero or positive
         * @return this builder
         */
        public Builder resendCooldown(Duration value) {
            resendCooldown = value;
            return this;
        }

        /**
         * Sets what a resend does to the link.
         *
         * @param value the policy, not {@code null}
         * @return this builder
         */
        public Builder resendPolicy(ResendPolicy value) {
            resendPolicy = value;
            return this;
        }

        /**
         * Sets how long an invitation stays valid once sent.
         *
         * @param value positive
         * @return this builder
         */
        public Builder invitationTtl(Duration value) {
            invitationTtl = value;
            return this;
        }

        /**
         * Sets the most rows one bulk call takes.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder bulkLimit(int value) {
            bulkLimit = value;
            return this;
        }

        /**
         * Replaces the tenant's roles.
         *
         * @param value role name to the level needed to grant it; not empty
         * @return this builder
         */
        public Builder roles(Map<String, PermissionLevel> value) {
            roles = value;
            return this;
        }

        /**
         * Adds or replaces one role; a role of the same name in another case is replaced.
         *
         * @param name          the role's name
         * @param levelToGrant  the level an inviter needs to grant it
         * @return this builder
         */
        public Builder role(String name, PermissionLevel levelToGrant) {
            Map<String, PermissionLevel> m = new LinkedHashMap<>(roles);
            if (name != null) {
                // names match ignoring case: "Admin" replaces "admin" rather than naming it twice
                m.keySet().removeIf(existing -> existing != null && existing.strip().equalsIgnoreCase(name.strip()));
            }
            m.put(name, levelToGrant);
            roles = m;
            return this;
        }

        /**
         * Sets the language of invitations that name none.
         *
         * @param value the locale, not {@code null}
         * @return this builder
         */
        public Builder defaultLocale(Locale value) {
            defaultLocale = value;
            return this;
        }

        /**
         * Sets how the tenant presents itself in messages.
         *
         * @param value the branding; {@code null} (the default) names the tenant by its id
         * @return this builder
         */
        public Builder branding(Branding value) {
            branding = value;
            return this;
        }

        /**
         * Sets the claim URL template; it must contain {@value TenantSettings#TOKEN_PLACEHOLDER}.
         *
         * @param value e.g. {@code https://app.example.com/join/{token}}
         * @return this builder
         */
        public Builder claimUrlTemplate(String value) {
            claimUrlTemplate = value;
            return this;
        }

        /**
         * Sets the per-recipient and per-inviter limits of invitation messages.
         *
         * @param value the limits, or {@code null} for none
         * @return this builder
         * @since 1.1
         */
        public Builder sendLimits(SendLimits value) {
            sendLimits = value;
            return this;
        }

        /**
         * Sets the opt-out URL with a {@code {token}} placeholder and an optional {@code {tenant}} one;
         * every invitation message links to it and names it in its {@code List-Unsubscribe} header. The
         * host's page (or the web module's endpoint) passes the token to the invitee facade's opt-out.
         *
         * @param value e.g. {@code https://app.example.com/opt-out/{token}}
         * @return this builder
         * @since 1.1
         */
        public Builder optOutUrlTemplate(String value) {
            optOutUrlTemplate = value;
            return this;
        }

        /**
         * Sets what happens when an invitation is accepted with another email address than the one
         * invited (default {@link OtherAccountPolicy#STRICT}: refused).
         *
         * @param value the policy, not {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder otherAccounts(OtherAccountPolicy value) {
            otherAccounts = value;
            return this;
        }

        /**
         * Sets the domains whose addresses may accept an invitation sent to another address of this
         * tenant under {@link OtherAccountPolicy#VERIFIED_ALIAS} (e.g. {@code example.de} for a company
         * that also invites at {@code example.com}); IDN domains are converted to ASCII. Default none.
         *
         * @param domains the domains, e.g. {@code "example.com"} or {@code "@example.com"}
         * @return this builder
         * @since 1.1
         */
        public Builder aliasDomains(String... domains) {
            aliasDomains = new LinkedHashSet<>(java.util.Arrays.asList(Objects.requireNonNull(domains, "domains")));
            return this;
        }

        /**
         * Sets whether a claim of an invitation sent to an email address must name the address the
         * invitee is signed in with ({@code ClaimRequest.acceptingAs}); one without it is refused with
         * {@code ACCEPTING_ADDRESS_REQUIRED} and nothing is stored. Default {@code false}: a claim
         * without the address is taken to come from the person invited, so whoever holds the link may
         * accept; the other-account check then protects only hosts that pass the address.
         *
         * @param value {@code true} to require the accepting address
         * @return this builder
         * @since 1.1
         */
        public Builder acceptingAddressRequired(boolean value) {
            acceptingAddressRequired = value;
            return this;
        }

        /**
         * Sets the claim URL as a base to which the token is appended.
         *
         * @param base e.g. {@code https://app.example.com/join/}
         * @return this builder
         */
        public Builder claimUrlBase(String base) {
            return claimUrlTemplate(base + TOKEN_PLACEHOLDER);
        }

        /**
         * Makes claims accept the tenant's terms.
         *
         * @param value {@code true} to require the terms
         * @return this builder
         */
        public Builder termsRequired(boolean value) {
            termsRequired = value;
            return this;
        }

        /**
         * Sets the profile fields a claim must confirm.
         *
         * @param value field names, e.g. {@code firstName}, {@code lastName}
         * @return this builder
         */
        public Builder profileFields(List<String> value) {
            profileFields = value;
            return this;
        }

        /**
         * Sets the groups an invitee may pick from when claiming.
         *
         * @param value the groups
         * @return this builder
         */
        public Builder defaultGroupPool(Set<String> value) {
            defaultGroupPool = value;
            return this;
        }

        /**
         * Makes directory sync invite accounts at once instead of provisioning them.
         *
         * @param value {@code true} to invite on creation
         * @return this builder
         */
        public Builder inviteOnCreation(boolean value) {
            inviteOnCreation = value;
            return this;
        }

        /**
         * Sets the fewest characters a password chosen at claim may have.
         *
         * @param value 1 to 128
         * @return this builder
         */
        public Builder minimumPasswordLength(int value) {
            minimumPasswordLength = value;
            return this;
        }

        /**
         * Sets the URL of shareable invitation links.
         *
         * @param value a URL with {@code {token}} and optionally {@code {tenant}}
         * @return this builder
         */
        public Builder joinUrlTemplate(String value) {
            joinUrlTemplate = value;
            return this;
        }

        /**
         * Sets what happens to a new contact that looks like (is confusable with) an existing
         * invitee's or member's: refused (the default) or accepted and flagged.
         *
         * @param value the policy, not {@code null}
         * @return this builder
         */
        public Builder lookAlikes(LookAlikePolicy value) {
            lookAlikes = value;
            return this;
        }

        /**
         * Sets what happens to the open invitations of an inviter who leaves or drops below the
         * inviting level (default {@link DepartedInviterPolicy#REVOKE}).
         *
         * @param value the policy, not {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder departedInviters(DepartedInviterPolicy value) {
            departedInviters = value;
            return this;
        }

        /**
         * Sets when pending email invitations are reminded (default {@link ReminderSchedule#none()}:
         * never), e.g. {@code ReminderSchedule.afterSending(Duration.ofDays(2), Duration.ofDays(5))}.
         * Reminders go out when the host runs {@code maintenance().sendDueReminders()}.
         *
         * @param value the schedule, not {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder reminders(ReminderSchedule value) {
            reminders = value;
            return this;
        }

        /**
         * Sets how long the personal data of expired, declined, revoked and rejected invitations is
         * kept after their last change; the retention sweep erases it afterwards (default
         * {@code null}: kept until erased on request).
         *
         * @param value a positive period, or {@code null} to keep
         * @return this builder
         * @since 1.1
         */
        public Builder retention(Duration value) {
            retention = value;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws InvalidSettingsException listing every problem
         */
        public TenantSettings build() {
            return new TenantSettings(invitationsEnabled, minimumInviteLevel, groupAdminsMayInvite, guestsAllowed,
                    allowedDomains, selfRegistration, linkInvitationsEnabled, approvalRequired, quota, manageLevel,
                    resendLimit, resendCooldown, resendPolicy, invitationTtl, bulkLimit, roles, defaultLocale,
                    branding, claimUrlTemplate, termsRequired, profileFields, defaultGroupPool, inviteOnCreation,
                    minimumPasswordLength, joinUrlTemplate, lookAlikes, targetRules, claimGroupsFromDirectory,
                    departedInviters, reminders, retention, sendLimits, optOutUrlTemplate, otherAccounts,
                    aliasDomains, acceptingAddressRequired);
        }

        /**
         * Sets who may invite to one kind of target, and as what, overriding
         * {@link #minimumInviteLevel(PermissionLevel)} and {@link #guestsAllowed(boolean)} for it.
         * Example: {@code targetRules("membership", TargetRules.level(HR_LOCAL))} and
         * {@code targetRules("event", TargetRules.guestsOnly(USER))}.
         *
         * @param targetType the target's {@link Target#type()}, e.g. {@value Target#MEMBERSHIP_TYPE} or
         *                   {@code "event"}; any case
         * @param rules      the rules, or {@code null} to follow the tenant-wide settings again
         * @return this builder
         * @since 1.0.0
         */
        public Builder targetRules(String targetType, TargetRules rules) {
            Map<String, TargetRules> m = new LinkedHashMap<>(targetRules);
            String key = targetType == null ? null : targetType.strip().toLowerCase(Locale.ROOT);
            if (rules == null) {
                m.remove(key);
            } else {
                m.put(key, rules);
            }
            targetRules = m;
            return this;
        }

        /**
         * Lets a claim choose any group the identity directory lists ({@code IdentityDirectory#groups}),
         * not only the {@linkplain #defaultGroupPool(Set) groups offered} (Workplace: "a group found by
         * search"). Default {@code false}.
         *
         * @param value {@code true} to accept the directory's groups
         * @return this builder
         * @since 1.0.0
         */
        public Builder claimGroupsFromDirectory(boolean value) {
            claimGroupsFromDirectory = value;
            return this;
        }
    }

    /**
     * Returns the rules set per target type.
     *
     * @return target type (lower case) to its rules; empty by default
     * @since 1.0.0
     */
    public Map<String, TargetRules> targetRules() {
        return targetRules;
    }

    /**
     * Returns the lowest level that may invite to this target: its type's
     * {@linkplain TargetRules rules} when set, else {@link #minimumInviteLevel()}.
     *
     * @param target the target, not {@code null}
     * @return the level
     * @since 1.0.0
     */
    public PermissionLevel minimumInviteLevel(Target target) {
        TargetRules rules = targetRules.get(target.type().toLowerCase(Locale.ROOT));
        return rules != null ? rules.minimumInviteLevel() : minimumInviteLevel;
    }

    /**
     * Tells whether an invitation to this target may grant this membership type: its type's
     * {@linkplain TargetRules rules} when set, else members always and guests when
     * {@link #guestsAllowed()}.
     *
     * @param target the target, not {@code null}
     * @param type   the membership type, not {@code null}
     * @return {@code true} when allowed
     * @since 1.0.0
     */
    public boolean allowsMembershipType(Target target, MembershipType type) {
        TargetRules rules = targetRules.get(target.type().toLowerCase(Locale.ROOT));
        if (rules != null) {
            return rules.allows(type);
        }
        return type != MembershipType.GUEST || guestsAllowed;
    }

    /**
     * Returns whether a claim may choose any group the identity directory lists (default {@code false}).
     *
     * @return whether the directory's groups may be chosen at claim
     * @since 1.0.0
     */
    public boolean claimGroupsFromDirectory() {
        return claimGroupsFromDirectory;
    }

    /**
     * Returns the branding messages show for this tenant: the one set with
     * {@link Builder#branding(Branding)}, else one named after the tenant's id.
     *
     * @param tenantId the tenant these settings are for, not {@code null}
     * @return the branding
     * @since 1.0.0
     */
    public Branding brandingFor(TenantId tenantId) {
        return brandingChosen ? branding : Branding.named(tenantId.value());
    }

    /**
     * Returns whether invitations are on (default {@code true}); when off, nothing may be invited, provisioned, sent, resent or re-invited.
     *
     * @return whether invitations are on (default {@code true}); when off, nothing may be invited, provisioned, sent, resent or re-invited
     */
    public boolean invitationsEnabled() {
        return invitationsEnabled;
    }

    /**
     * Returns the lowest level that may invite (default {@code ADMIN_LOCAL}); {@code USER} lets every member invite.
     *
     * @return the lowest level that may invite (default {@code ADMIN_LOCAL}); {@code USER} lets every member invite
     */
    public PermissionLevel minimumInviteLevel() {
        return minimumInviteLevel;
    }

    /**
     * Returns whether administrators of a group may invite into the groups they administer even below the minimum level (default {@code false}).
     *
     * @return whether administrators of a group may invite into the groups they administer even below the minimum level (default {@code false})
     */
    public boolean groupAdminsMayInvite() {
        return groupAdminsMayInvite;
    }

    /**
     * Returns whether guests may be invited (default {@code true}).
     *
     * @return whether guests may be invited (default {@code true})
     */
    public boolean guestsAllowed() {
        return guestsAllowed;
    }

    /**
     * Returns the email domains members may be invited with, lower-case ASCII; empty (the default) for any. Guests are not bound by it.
     *
     * @return the email domains members may be invited with, lower-case ASCII; empty (the default) for any. Guests are not bound by it
     */
    public Set<String> allowedDomains() {
        return allowedDomains;
    }

    /**
     * Returns whether people may register without an invitation (default {@code false}).
     *
     * @return whether people may register without an invitation (default {@code false})
     */
    public boolean selfRegistration() {
        return selfRegistration;
    }

    /**
     * Returns whether shareable invitation links are on (default {@code false}).
     *
     * @return whether shareable invitation links are on (default {@code false})
     */
    public boolean linkInvitationsEnabled() {
        return linkInvitationsEnabled;
    }

    /**
     * Returns whether an acceptance waits for approval (default {@code false}).
     *
     * @return whether an acceptance waits for approval (default {@code false})
     */
    public boolean approvalRequired() {
        return approvalRequired;
    }

    /**
     * Returns the per-inviter quota, or {@code null} (the default) for none.
     *
     * @return the per-inviter quota, or {@code null} (the default) for none
     */
    public InviteQuota quota() {
        return quota;
    }

    /**
     * Returns the level from which one may resend, revoke, re-invite, send and approve invitations others sent (default {@code ADMIN_LOCAL}).
     *
     * @return the level from which one may resend, revoke, re-invite, send and approve invitations others sent (default {@code ADMIN_LOCAL})
     */
    public PermissionLevel manageLevel() {
        return manageLevel;
    }

    /**
     * Returns how many times an invitation may be resent (default 5; 0 for never).
     *
     * @return how many times an invitation may be resent (default 5; 0 for never)
     */
    public int resendLimit() {
        return resendLimit;
    }

    /**
     * Returns how long after a message a resend is refused (default 5 minutes).
     *
     * @return how long after a message a resend is refused (default 5 minutes)
     */
    public Duration resendCooldown() {
        return resendCooldown;
    }

    /**
     * Returns same link with a fresh expiry, or a new link (default same link).
     *
     * @return same link with a fresh expiry, or a new link (default same link)
     */
    public ResendPolicy resendPolicy() {
        return resendPolicy;
    }

    /**
     * Returns how long an invitation stays valid once sent (default 7 days).
     *
     * @return how long an invitation stays valid once sent (default 7 days)
     */
    public Duration invitationTtl() {
        return invitationTtl;
    }

    /**
     * Returns the most rows one bulk call takes (default 500).
     *
     * @return the most rows one bulk call takes (default 500)
     */
    public int bulkLimit() {
        return bulkLimit;
    }

    /**
     * Returns the tenant's roles with the level an inviter needs to grant each (default {@code member}: USER, {@code admin}: ADMIN_TENANT); role names match case-insensitively.
     *
     * @return the tenant's roles with the level an inviter needs to grant each (default {@code member}: USER, {@code admin}: ADMIN_TENANT); role names match case-insensitively
     */
    public Map<String, PermissionLevel> roles() {
        return roles;
    }

    /**
     * Returns the language of invitations that name none (default English).
     *
     * @return the language of invitations that name none (default English)
     */
    public Locale defaultLocale() {
        return defaultLocale;
    }

    /**
     * Returns the tenant's name, logo, colour and description in messages, as set. When none was set
     * this is a placeholder named "Invitations"; messages use {@link #brandingFor(TenantId)}, which
     * names the tenant by its id instead.
     *
     * @return the tenant's name, logo, colour and description in messages
     */
    public Branding branding() {
        return branding;
    }

    /**
     * Returns the limits of invitation messages per recipient and per inviter.
     *
     * @return the limits, {@link SendLimits#NONE} by default
     * @since 1.1
     */
    public SendLimits sendLimits() {
        return sendLimits;
    }

    /**
     * Returns the opt-out URL with a {@code {token}} placeholder and an optional {@code {tenant}} one
     * (default {@code http://localhost:8080/opt-out/{token}}, for development).
     *
     * @return the opt-out URL template
     * @since 1.1
     */
    public String optOutUrlTemplate() {
        return optOutUrlTemplate;
    }

    /**
     * Returns what happens when an invitation is accepted with another email address than the one
     * invited (default {@link OtherAccountPolicy#STRICT}).
     *
     * @return the policy, not {@code null}
     * @since 1.1
     */
    public OtherAccountPolicy otherAccounts() {
        return otherAccounts;
    }

    /**
     * Returns the domains (ASCII, lower case) whose addresses may accept under
     * {@link OtherAccountPolicy#VERIFIED_ALIAS}; empty by default.
     *
     * @return the domains, never {@code null}
     * @since 1.1
     */
    public Set<String> aliasDomains() {
        return aliasDomains;
    }

    /**
     * Returns whether a claim of an invitation sent to an email address must name the accepting
     * address (default {@code false}); see {@link Builder#acceptingAddressRequired(boolean)}.
     *
     * @return {@code true} when a claim without {@code acceptingAs} is refused
     * @since 1.1
     */
    public boolean acceptingAddressRequired() {
        return acceptingAddressRequired;
    }

    /**
     * Returns the claim URL with a {@code {token}} placeholder and an optional {@code {tenant}} one; messages need it absolute (default {@code http://localhost:8080/claim/{token}}, for development).
     *
     * @return the claim URL with a {@code {token}} placeholder and an optional {@code {tenant}} one; messages need it absolute (default {@code http://localhost:8080/claim/{token}}, for development)
     */
    public String claimUrlTemplate() {
        return claimUrlTemplate;
    }

    /**
     * Returns whether a claim must accept the tenant's terms (default {@code false}).
     *
     * @return whether a claim must accept the tenant's terms (default {@code false})
     */
    public boolean termsRequired() {
        return termsRequired;
    }

    /**
     * Returns profile fields a claim must confirm, e.g. {@code firstName}, {@code lastName}, {@code jobTitle} (default none).
     *
     * @return profile fields a claim must confirm, e.g. {@code firstName}, {@code lastName}, {@code jobTitle} (default none)
     */
    public List<String> profileFields() {
        return profileFields;
    }

    /**
     * Returns groups an invitee may pick from when claiming (default none).
     *
     * @return groups an invitee may pick from when claiming (default none)
     */
    public Set<String> defaultGroupPool() {
        return defaultGroupPool;
    }

    /**
     * Returns whether accounts created by directory sync are invited at once rather than provisioned (default {@code false}); inviting all provisioned people switches it on.
     *
     * @return whether accounts created by directory sync are invited at once rather than provisioned (default {@code false}); inviting all provisioned people switches it on
     */
    public boolean inviteOnCreation() {
        return inviteOnCreation;
    }

    /**
     * Returns the fewest characters a password chosen at claim may have (default 8); not used under SSO.
     *
     * @return the fewest characters a password chosen at claim may have (default 8); not used under SSO
     */
    public int minimumPasswordLength() {
        return minimumPasswordLength;
    }

    /**
     * Returns the URL of shareable invitation links, with a {@code {token}} placeholder and an optional {@code {tenant}} one (default {@code /join/{token}}).
     *
     * @return the URL of shareable invitation links, with a {@code {token}} placeholder and an optional {@code {tenant}} one (default {@code /join/{token}})
     */
    public String joinUrlTemplate() {
        return joinUrlTemplate;
    }

    /**
     * Returns what happens to a new contact that looks like an existing invitee's or member's
     * (default {@link LookAlikePolicy#REFUSE}).
     *
     * @return the look-alike policy
     */
    public LookAlikePolicy lookAlikes() {
        return lookAlikes;
    }

    /**
     * Returns what happens to the open invitations of an inviter who leaves or drops below the
     * inviting level (default {@link DepartedInviterPolicy#REVOKE}).
     *
     * @return the policy
     * @since 1.1
     */
    public DepartedInviterPolicy departedInviters() {
        return departedInviters;
    }

    /**
     * Returns when pending email invitations are reminded (default {@link ReminderSchedule#none()}).
     *
     * @return the reminder schedule
     * @since 1.1
     */
    public ReminderSchedule reminders() {
        return reminders;
    }

    /**
     * Returns how long the personal data of expired, declined, revoked and rejected invitations is
     * kept after their last change before the retention sweep erases it.
     *
     * @return the period, or empty to keep it until erased on request (the default)
     * @since 1.1
     */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TenantSettings other
                && invitationsEnabled == other.invitationsEnabled
                && Objects.equals(minimumInviteLevel, other.minimumInviteLevel)
                && groupAdminsMayInvite == other.groupAdminsMayInvite
                && guestsAllowed == other.guestsAllowed
                && Objects.equals(allowedDomains, other.allowedDomains)
                && selfRegistration == other.selfRegistration
                && linkInvitationsEnabled == other.linkInvitationsEnabled
                && approvalRequired == other.approvalRequired
                && Objects.equals(quota, other.quota)
                && Objects.equals(manageLevel, other.manageLevel)
                && resendLimit == other.resendLimit
                && Objects.equals(resendCooldown, other.resendCooldown)
                && Objects.equals(resendPolicy, other.resendPolicy)
                && Objects.equals(invitationTtl, other.invitationTtl)
                && bulkLimit == other.bulkLimit
                && Objects.equals(roles, other.roles)
                && Objects.equals(defaultLocale, other.defaultLocale)
                && Objects.equals(branding, other.branding)
                && Objects.equals(claimUrlTemplate, other.claimUrlTemplate)
                && termsRequired == other.termsRequired
                && Objects.equals(profileFields, other.profileFields)
                && Objects.equals(defaultGroupPool, other.defaultGroupPool)
                && inviteOnCreation == other.inviteOnCreation
                && minimumPasswordLength == other.minimumPasswordLength
                && Objects.equals(joinUrlTemplate, other.joinUrlTemplate)
                && lookAlikes == other.lookAlikes
                && brandingChosen == other.brandingChosen
                && Objects.equals(targetRules, other.targetRules)
                && claimGroupsFromDirectory == other.claimGroupsFromDirectory
                && departedInviters == other.departedInviters
                && Objects.equals(reminders, other.reminders)
                && Objects.equals(retention, other.retention)
                && Objects.equals(sendLimits, other.sendLimits)
                && Objects.equals(optOutUrlTemplate, other.optOutUrlTemplate)
                && otherAccounts == other.otherAccounts && aliasDomains.equals(other.aliasDomains)
                && acceptingAddressRequired == other.acceptingAddressRequired;
    }

    @Override
    public int hashCode() {
        return Objects.hash(invitationsEnabled, minimumInviteLevel, groupAdminsMayInvite, guestsAllowed, allowedDomains,
                selfRegistration, linkInvitationsEnabled, approvalRequired, quota, manageLevel, resendLimit,
                resendCooldown, resendPolicy, invitationTtl, bulkLimit, roles, defaultLocale, branding,
                claimUrlTemplate, termsRequired, profileFields, defaultGroupPool, inviteOnCreation,
                minimumPasswordLength, joinUrlTemplate, lookAlikes, targetRules, claimGroupsFromDirectory,
                departedInviters, reminders, retention, sendLimits, optOutUrlTemplate, otherAccounts, aliasDomains,
                acceptingAddressRequired);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "TenantSettings[invitationsEnabled=" + invitationsEnabled
                + ", minimumInviteLevel=" + minimumInviteLevel + ", groupAdminsMayInvite=" + groupAdminsMayInvite
                + ", guestsAllowed=" + guestsAllowed + ", allowedDomains=" + allowedDomains
                + ", selfRegistration=" + selfRegistration + ", linkInvitationsEnabled=" + linkInvitationsEnabled
                + ", approvalRequired=" + approvalRequired + ", quota=" + quota + ", manageLevel=" + manageLevel
                + ", resendLimit=" + resendLimit + ", resendCooldown=" + resendCooldown
                + ", resendPolicy=" + resendPolicy + ", invitationTtl=" + invitationTtl + ", bulkLimit=" + bulkLimit
                + ", roles=" + roles + ", defaultLocale=" + defaultLocale + ", branding=" + branding
                + ", claimUrlTemplate=" + claimUrlTemplate + ", termsRequired=" + termsRequired
                + ", profileFields=" + profileFields + ", defaultGroupPool=" + defaultGroupPool
                + ", inviteOnCreation=" + inviteOnCreation + ", minimumPasswordLength=" + minimumPasswordLength
                + ", joinUrlTemplate=" + joinUrlTemplate + ", lookAlikes=" + lookAlikes
                + ", targetRules=" + targetRules + ", claimGroupsFromDirectory=" + claimGroupsFromDirectory
                + ", departedInviters=" + departedInviters + ", reminders=" + reminders + ", retention=" + retention
                + ", sendLimits=" + sendLimits + ", optOutUrlTemplate=" + optOutUrlTemplate
                + ", otherAccounts=" + otherAccounts + ", aliasDomains=" + aliasDomains
                + ", acceptingAddressRequired=" + acceptingAddressRequired + "]";
    }
}
