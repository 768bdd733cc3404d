package io.invitations.spring.boot;

import io.invitations.core.outbox.DeliveryMode;
import org.apiguardian.api.API;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code invitations.*} properties of the Spring Boot starter. Every property is optional; unset
 * tenant defaults keep the engine's own.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("invitations")
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public class InvitationsProperties {
    private final Jdbc jdbc = new Jdbc();
    private final Signing signing = new Signing();
    private final Delivery delivery = new Delivery();
    private final Schedule schedule = new Schedule();
    private final TenantDefaults tenantDefaults = new TenantDefaults();
    private final Mail mail = new Mail();
    private final Metrics metrics = new Metrics();
    private final Health health = new Health();

    /**
     * The JDBC store's settings.
     *
     * @return the settings
     */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /**
     * The signing keys of links and access codes.
     *
     * @return the settings
     */
    public Signing getSigning() {
        return signing;
    }

    /**
     * When and how messages are delivered.
     *
     * @return the settings
     */
    public Delivery getDelivery() {
        return delivery;
    }

    /**
     * The scheduled outbox delivery and the expiry, reminder and retention sweeps.
     *
     * @return the settings
     */
    public Schedule getSchedule() {
        return schedule;
    }

    /**
     * The settings of every tenant the host does not configure otherwise.
     *
     * @return the settings
     */
    public TenantDefaults getTenantDefaults() {
        return tenantDefaults;
    }

    /**
     * The mail adapter over the application's {@code JavaMailSender}.
     *
     * @return the settings
     */
    public Mail getMail() {
        return mail;
    }

    /**
     * Micrometer meters and observations.
     *
     * @return the settings
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /**
     * The Actuator health indicator's thresholds.
     *
     * @return the settings
     */
    public Health getHealth() {
        return health;
    }

    /** The JDBC store on the application's {@code DataSource}. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Jdbc {
        /** Whether to create or upgrade the store's tables on start. */
        private boolean migrate = true;
        /** The prefix of the store's table names. */
        private String tablePrefix = "inv_";
        /**
         * Whether the outbox worker's claims across tenants lock the rows they read ({@code FOR UPDATE
         * SKIP LOCKED}); {@code false} on a distributed PostgreSQL such as Citus.
         */
        private boolean lockingOutboxClaims = true;

        /**
         * Whether to migrate on start.
         *
         * @return {@code true} by default
         */
        public boolean isMigrate() {
            return migrate;
        }

        /**
         * Sets whether to migrate on start.
         *
         * @param migrate {@code false} when the schema is managed elsewhere
         */
        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        /**
         * The table prefix.
         *
         * @return the prefix
         */
        public String getTablePrefix() {
            return tablePrefix;
        }

        /**
         * Sets the table prefix.
         *
         * @param tablePrefix the prefix
         */
        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        /**
         * Whether cross-tenant outbox claims lock the rows they read.
         *
         * @return {@code true} by default
         */
        public boolean isLockingOutboxClaims() {
            return lockingOutboxClaims;
        }

        /**
         * Sets whether cross-tenant outbox claims lock the rows they read.
         *
         * @param lockingOutboxClaims {@code false} on a distributed PostgreSQL, where a statement
         *                            spanning shards cannot lock rows
         */
        public void setLockingOutboxClaims(boolean lockingOutboxClaims) {
            this.lockingOutboxClaims = lockingOutboxClaims;
        }
    }

    /**
     * Signing keys: inline (base64 secrets) and/or from a PKCS12 key store; exactly one is active
     * (signs new links), the others still verify links and codes made under them (rotation).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Signing {
        /** The id of the key that signs new links; required as soon as any key is configured. */
        private String active;
        /** Inline keys: an id and a base64 secret of at least 32 bytes each. */
        private List<Key> keys = new ArrayList<>();
        /** A PKCS12 key store holding HMAC secret-key entries; their aliases are the key ids. */
        private final KeyStore keyStore = new KeyStore();

        /**
         * The active key id.
         *
         * @return the id, or {@code null}
         */
        public String getActive() {
            return active;
        }

        /**
         * Sets the active key id.
         *
         * @param active the id
         */
        public void setActive(String active) {
            this.active = active;
        }

        /**
         * The inline keys.
         *
         * @return the keys
         */
        public List<Key> getKeys() {
            return keys;
        }

        /**
         * Sets the inline keys.
         *
         * @param keys the keys
         */
        public void setKeys(List<Key> keys) {
            this.keys = keys;
        }

        /**
         * The key store.
         *
         * @return the key store settings
         */
        public KeyStore getKeyStore() {
            return keyStore;
        }

        /** One inline key. Its {@code toString()} shows the id only. */
        @API(status = API.Status.EXPERIMENTAL, since = "1.0")
        public static class Key {
            /** The key id carried in tokens: 1 to 32 of A-Z a-z 0-9 _ -. */
            private String id;
            /** The secret, base64, at least 32 bytes decoded. */
            private String secret;

            /**
             * The id.
             *
             * @return the id
             */
            public String getId() {
                return id;
            }

            /**
             * Sets the id.
             *
             * @param id the id
             */
            public void setId(String id) {
                this.id = id;
            }

            /**
             * The base64 secret.
             *
             * @return the secret
             */
            public String getSecret() {
                return secret;
            }

            /**
             * Sets the base64 secret.
             *
             * @param secret the secret
             */
            public void setSecret(String secret) {
                this.secret = secret;
            }

            @Override
            public String toString() {
                return "Key[id=" + id + "]";
            }
        }

        /** A key store of secret keys. Its {@code toString()} hides the password. */
        @API(status = API.Status.EXPERIMENTAL, since = "1.0")
        public static class KeyStore {
            /** Where the key store is, e.g. {@code file:/etc/invitations/keys.p12}. */
            private Resource location;
            /** The key store's password (also each entry's, unless {@code key-password} is set). */
            private String password;
            /** The entries' password, when it differs from the store's. */
            private String keyPassword;
            /** The key store type. */
            private String type = "PKCS12";
            /** The aliases to load; empty loads every secret-key entry. */
            private Set<String> aliases = new LinkedHashSet<>();

            /**
             * The location.
             *
             * @return the location, or {@code null}
             */
            public Resource getLocation() {
                return location;
            }

            /**
             * Sets the location.
             *
             * @param location the location
             */
            public void setLocation(Resource location) {
                this.location = location;
            }

            /**
             * The store password.
             *
             * @return the password, or {@code null}
             */
            public String getPassword() {
                return password;
            }

            /**
             * Sets the store password.
             *
             * @param password the password
             */
            public void setPassword(String password) {
                this.password = password;
            }

            /**
             * The entries' password.
             *
             * @return the password, or {@code null}
             */
            public String getKeyPassword() {
                return keyPassword;
            }

            /**
             * Sets the entries' password.
             *
             * @param keyPassword the password
             */
            public void setKeyPassword(String keyPassword) {
                this.keyPassword = keyPassword;
            }

            /**
             * The type.
             *
             * @return the type
             */
            public String getType() {
                return type;
            }

            /**
             * Sets the type.
             *
             * @param type the type
             */
            public void setType(String type) {
                this.type = type;
            }

            /**
             * The aliases to load.
             *
             * @return the aliases
             */
            public Set<String> getAliases() {
                return aliases;
            }

            /**
             * Sets the aliases to load.
             *
             * @param aliases the aliases
             */
            public void setAliases(Set<String> aliases) {
                this.aliases = aliases;
            }

            @Override
            public String toString() {
                return "KeyStore[location=" + location + ", type=" + type + "]";
            }
        }
    }

    /** When messages are delivered and how failures are retried. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Delivery {
        /** IMMEDIATE: right after each operation; HOST_DRIVEN: only by the scheduled delivery. */
        private DeliveryMode mode = DeliveryMode.IMMEDIATE;
        /** How long a claimed message stays reserved for the node that claimed it. */
        private Duration lease = Duration.ofMinutes(5);
        /** How many messages one drain claims at most. */
        private int batchSize = 100;
        private final Retry retry = new Retry();

        /**
         * The mode.
         *
         * @return the mode
         */
        public DeliveryMode getMode() {
            return mode;
        }

        /**
         * Sets the mode.
         *
         * @param mode the mode
         */
        public void setMode(DeliveryMode mode) {
            this.mode = mode;
        }

        /**
         * The lease.
         *
         * @return the lease
         */
        public Duration getLease() {
            return lease;
        }

        /**
         * Sets the lease.
         *
         * @param lease the lease
         */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /**
         * The batch size.
         *
         * @return the size
         */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets the batch size.
         *
         * @param batchSize the size
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * The retry policy.
         *
         * @return the retry settings
         */
        public Retry getRetry() {
            return retry;
        }
    }

    /** How transient delivery failures are retried (exponential backoff). */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Retry {
        /** The pause after the first failure. */
        private Duration baseDelay = Duration.ofSeconds(30);
        /** The factor each later pause grows by. */
        private double multiplier = 2.0;
        /** The longest pause. */
        private Duration maxDelay = Duration.ofHours(1);
        /** How many attempts a message gets before it fails for good. */
        private int maxAttempts = 10;

        /**
         * The first pause.
         *
         * @return the delay
         */
        public Duration getBaseDelay() {
            return baseDelay;
        }

        /**
         * Sets the first pause.
         *
         * @param baseDelay the delay
         */
        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        /**
         * The growth factor.
         *
         * @return the factor
         */
        public double getMultiplier() {
            return multiplier;
        }

        /**
         * Sets the growth factor.
         *
         * @param multiplier the factor
         */
        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        /**
         * The longest pause.
         *
         * @return the delay
         */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /**
         * Sets the longest pause.
         *
         * @param maxDelay the delay
         */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /**
         * The attempts per message.
         *
         * @return the count
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the attempts per message.
         *
         * @param maxAttempts the count
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    /**
     * Scheduled work. Safe with many nodes: outbox claims use {@code SELECT ... FOR UPDATE SKIP
     * LOCKED} with a lease, expiry and reminders store each step by compare-and-set, and retention
     * erases each invitation once.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Schedule {
        /** Whether this node runs the scheduled delivery and expiry sweep. */
        private boolean enabled = true;
        /** The pause between two outbox drains. */
        private Duration deliveryInterval = Duration.ofSeconds(30);
        /** The pause between two expiry sweeps. */
        private Duration expiryInterval = Duration.ofMinutes(5);
        /** Whether this node runs the reminder sweep (queues the reminders due under each tenant's schedule). */
        private boolean remindersEnabled = true;
        /** The pause between two reminder sweeps. */
        private Duration reminderInterval = Duration.ofMinutes(5);
        /** Whether this node runs the retention sweep for the retention tenants. */
        private boolean retentionEnabled = true;
        /** The pause between two retention sweeps. */
        private Duration retentionInterval = Duration.ofHours(1);
        /** The tenants whose retention period the sweep applies (the engine does not list tenants). */
        private Set<String> retentionTenants = new LinkedHashSet<>();

        /**
         * Whether enabled.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether enabled.
         *
         * @param enabled whether this node runs the schedules
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The delivery interval.
         *
         * @return the interval
         */
        public Duration getDeliveryInterval() {
            return deliveryInterval;
        }

        /**
         * Sets the delivery interval.
         *
         * @param deliveryInterval the interval
         */
        public void setDeliveryInterval(Duration deliveryInterval) {
            this.deliveryInterval = deliveryInterval;
        }

        /**
         * The expiry interval.
         *
         * @return the interval
         */
        public Duration getExpiryInterval() {
            return expiryInterval;
        }

        /**
         * Sets the expiry interval.
         *
         * @param expiryInterval the interval
         */
        public void setExpiryInterval(Duration expiryInterval) {
            this.expiryInterval = expiryInterval;
        }

        /**
         * Whether the reminder sweep runs.
         *
         * @return {@code true} by default
         */
        public boolean isRemindersEnabled() {
            return remindersEnabled;
        }

        /**
         * Sets whether the reminder sweep runs.
         *
         * @param remindersEnabled whether this node sends due reminders
         */
        public void setRemindersEnabled(boolean remindersEnabled) {
            this.remindersEnabled = remindersEnabled;
        }

        /**
         * The reminder interval.
         *
         * @return the interval
         */
        public Duration getReminderInterval() {
            return reminderInterval;
        }

        /**
         * Sets the reminder interval.
         *
         * @param reminderInterval the interval
         */
        public void setReminderInterval(Duration reminderInterval) {
            this.reminderInterval = reminderInterval;
        }

        /**
         * Whether the retention sweep runs.
         *
         * @return {@code true} by default (it sweeps only the retention tenants)
         */
        public boolean isRetentionEnabled() {
            return retentionEnabled;
        }

        /**
         * Sets whether the retention sweep runs.
         *
         * @param retentionEnabled whether this node applies retention periods
         */
        public void setRetentionEnabled(boolean retentionEnabled) {
            this.retentionEnabled = retentionEnabled;
        }

        /**
         * The retention interval.
         *
         * @return the interval
         */
        public Duration getRetentionInterval() {
            return retentionInterval;
        }

        /**
         * Sets the retention interval.
         *
         * @param retentionInterval the interval
         */
        public void setRetentionInterval(Duration retentionInterval) {
            this.retentionInterval = retentionInterval;
        }

        /**
         * The tenants the retention sweep runs for.
         *
         * @return the tenant ids, possibly empty
         */
        public Set<String> getRetentionTenants() {
            return retentionTenants;
        }

        /**
         * Sets the tenants the retention sweep runs for.
         *
         * @param retentionTenants the tenant ids
         */
        public void setRetentionTenants(Set<String> retentionTenants) {
            this.retentionTenants = retentionTenants;
        }
    }

    /** Tenant settings used for every tenant; unset values keep the engine's defaults. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class TenantDefaults {
        /** How long an invitation stays valid. */
        private Duration invitationTtl;
        /** The claim URL, with a {token} placeholder (and optionally {tenant}). */
        private String claimUrlTemplate;
        /** The shareable-link join URL, with a {token} placeholder. */
        private String joinUrlTemplate;
        /** The language of messages when the invitation names none. */
        private Locale defaultLocale;
        /** The most rows one bulk call takes. */
        private Integer bulkLimit;
        /** Whether acceptances wait for an administrator's approval. */
        private Boolean approvalRequired;
        /** Whether guests may be invited. */
        private Boolean guestsAllowed;
        /** Whether shareable links are allowed. */
        private Boolean linkInvitationsEnabled;
        /** Whether the claim asks to accept terms. */
        private Boolean termsRequired;
        /** The email domains invitees must have; empty allows every domain. */
        private Set<String> allowedDomains = new LinkedHashSet<>();
        /** How long personal data of expired, declined, revoked and rejected invitations is kept; unset keeps it. */
        private Duration retention;
        /** When reminders go out, counted from each sending (e.g. 2d,5d); empty sends none. */
        private List<Duration> remindersAfterSending = new ArrayList<>();
        /**
         * What happens when an invitation is accepted with another email address than the one
         * invited: STRICT (refused, the default), VERIFIED_ALIAS or APPROVAL.
         */
        private String otherAccounts;
        /** The domains whose addresses may accept for another address under VERIFIED_ALIAS; empty allows none. */
        private Set<String> aliasDomains = new LinkedHashSet<>();
        /**
         * Whether a claim on an email invitation must name the address the invitee is signed in with;
         * without it, anyone holding the link may accept.
         */
        private boolean acceptingAddressRequired;

        /**
         * The validity.
         *
         * @return the validity, or {@code null}
         */
        public Duration getInvitationTtl() {
            return invitationTtl;
        }

        /**
         * Sets the validity.
         *
         * @param invitationTtl the validity
         */
        public void setInvitationTtl(Duration invitationTtl) {
            this.invitationTtl = invitationTtl;
        }

        /**
         * The claim URL template.
         *
         * @return the template, or {@code null}
         */
        public String getClaimUrlTemplate() {
            return claimUrlTemplate;
        }

        /**
         * Sets the claim URL template.
         *
         * @param claimUrlTemplate the template
         */
        public void setClaimUrlTemplate(String claimUrlTemplate) {
            this.claimUrlTemplate = claimUrlTemplate;
        }

        /**
         * The join URL template.
         *
         * @return the template, or {@code null}
         */
        public String getJoinUrlTemplate() {
            return joinUrlTemplate;
        }

        /**
         * Sets the join URL template.
         *
         * @param joinUrlTemplate the template
         */
        public void setJoinUrlTemplate(String joinUrlTemplate) {
            this.joinUrlTemplate = joinUrlTemplate;
        }

        /**
         * The default locale.
         *
         * @return the locale, or {@code null}
         */
        public Locale getDefaultLocale() {
            return defaultLocale;
        }

        /**
         * Sets the default locale.
         *
         * @param defaultLocale the locale
         */
        public void setDefaultLocale(Locale defaultLocale) {
            this.defaultLocale = defaultLocale;
        }

        /**
         * The bulk limit.
         *
         * @return the limit, or {@code null}
         */
        public Integer getBulkLimit() {
            return bulkLimit;
        }

        /**
         * Sets the bulk limit.
         *
         * @param bulkLimit the limit
         */
        public void setBulkLimit(Integer bulkLimit) {
            this.bulkLimit = bulkLimit;
        }

        /**
         * Whether approval is required.
         *
         * @return the flag, or {@code null}
         */
        public Boolean getApprovalRequired() {
            return approvalRequired;
        }

        /**
         * Sets whether approval is required.
         *
         * @param approvalRequired the flag
         */
        public void setApprovalRequired(Boolean approvalRequired) {
            this.approvalRequired = approvalRequired;
        }

        /**
         * Whether guests are allowed.
         *
         * @return the flag, or {@code null}
         */
        public Boolean getGuestsAllowed() {
            return guestsAllowed;
        }

        /**
         * Sets whether guests are allowed.
         *
         * @param guestsAllowed the flag
         */
        public void setGuestsAllowed(Boolean guestsAllowed) {
            this.guestsAllowed = guestsAllowed;
        }

        /**
         * Whether shareable links are allowed.
         *
         * @return the flag, or {@code null}
         */
        public Boolean getLinkInvitationsEnabled() {
            return linkInvitationsEnabled;
        }

        /**
         * Sets whether shareable links are allowed.
         *
         * @param linkInvitationsEnabled the flag
         */
        public void setLinkInvitationsEnabled(Boolean linkInvitationsEnabled) {
            this.linkInvitationsEnabled = linkInvitationsEnabled;
        }

        /**
         * Whether terms are required.
         *
         * @return the flag, or {@code null}
         */
        public Boolean getTermsRequired() {
            return termsRequired;
        }

        /**
         * Sets whether terms are required.
         *
         * @param termsRequired the flag
         */
        public void setTermsRequired(Boolean termsRequired) {
            this.termsRequired = termsRequired;
        }

        /**
         * The allowed domains.
         *
         * @return the domains, possibly empty
         */
        public Set<String> getAllowedDomains() {
            return allowedDomains;
        }

        /**
         * Sets the allowed domains.
         *
         * @param allowedDomains the domains
         */
        public void setAllowedDomains(Set<String> allowedDomains) {
            this.allowedDomains = allowedDomains;
        }

        /**
         * The retention period.
         *
         * @return the period, or {@code null}
         */
        public Duration getRetention() {
            return retention;
        }

        /**
         * Sets the retention period.
         *
         * @param retention the period
         */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        /**
         * The reminder delays after each sending.
         *
         * @return the delays, possibly empty
         */
        public List<Duration> getRemindersAfterSending() {
            return remindersAfterSending;
        }

        /**
         * Sets the reminder delays after each sending.
         *
         * @param remindersAfterSending the delays
         */
        public void setRemindersAfterSending(List<Duration> remindersAfterSending) {
            this.remindersAfterSending = remindersAfterSending;
        }

        /**
         * The policy for acceptance by another account, as configured.
         *
         * @return {@code STRICT}, {@code VERIFIED_ALIAS}, {@code APPROVAL}, or {@code null}
         * @since 1.1
         */
        public String getOtherAccounts() {
            return otherAccounts;
        }

        /**
         * Sets the policy for acceptance by another account.
         *
         * @param otherAccounts {@code STRICT}, {@code VERIFIED_ALIAS} or {@code APPROVAL} (case and
         *                      {@code -} for {@code _} do not matter)
         * @since 1.1
         */
        public void setOtherAccounts(String otherAccounts) {
            this.otherAccounts = otherAccounts;
        }

        /**
         * The alias domains.
         *
         * @return the domains, possibly empty
         * @since 1.1
         */
        public Set<String> getAliasDomains() {
            return aliasDomains;
        }

        /**
         * Sets the alias domains.
         *
         * @param aliasDomains the domains
         * @since 1.1
         */
        public void setAliasDomains(Set<String> aliasDomains) {
            this.aliasDomains = aliasDomains;
        }

        /**
         * Whether a claim must name the signed-in address.
         *
         * @return {@code true} when a claim without the signed-in address is refused
         * @since 1.1
         */
        public boolean isAcceptingAddressRequired() {
            return acceptingAddressRequired;
        }

        /**
         * Sets whether a claim on an email invitation must name the address the invitee is signed in with
         * ({@code ACCEPTING_ADDRESS_REQUIRED} otherwise). Turn it on when every invitee signs in before
         * accepting.
         *
         * @param acceptingAddressRequired {@code true} to refuse claims without the signed-in address
         * @since 1.1
         */
        public void setAcceptingAddressRequired(boolean acceptingAddressRequired) {
            this.acceptingAddressRequired = acceptingAddressRequired;
        }
    }

    /** The {@code JavaMailSender} adapter. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Mail {
        /** The sender address of invitation messages; required when a JavaMailSender is used. */
        private String from;

        /**
         * The sender address.
         *
         * @return the address, or {@code null}
         */
        public String getFrom() {
            return from;
        }

        /**
         * Sets the sender address.
         *
         * @param from the address
         */
        public void setFrom(String from) {
            this.from = from;
        }
    }

    /** Micrometer settings. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Metrics {
        /** Whether meters and observations carry a tenant tag (off: tenant ids may be many or personal). */
        private boolean tenantTags;

        /**
         * Whether tenant tags are on.
         *
         * @return {@code false} by default
         */
        public boolean isTenantTags() {
            return tenantTags;
        }

        /**
         * Switches tenant tags.
         *
         * @param tenantTags {@code true} to tag with the tenant id
         */
        public void setTenantTags(boolean tenantTags) {
            this.tenantTags = tenantTags;
        }
    }

    /** Health thresholds. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static class Health {
        /** Above this many pending outbox messages, the health is DOWN. */
        private long maxBacklog = 1000;
        /** When the oldest due outbox message waited longer than this, the health is DOWN. */
        private Duration maxOldestDueAge = Duration.ofMinutes(15);

        /**
         * The backlog threshold.
         *
         * @return the threshold
         */
        public long getMaxBacklog() {
            return maxBacklog;
        }

        /**
         * Sets the backlog threshold.
         *
         * @param maxBacklog the threshold
         */
        public void setMaxBacklog(long maxBacklog) {
            this.maxBacklog = maxBacklog;
        }

        /**
         * The age threshold.
         *
         * @return the threshold
         */
        public Duration getMaxOldestDueAge() {
            return maxOldestDueAge;
        }

        /**
         * Sets the age threshold.
         *
         * @param maxOldestDueAge the threshold
         */
        public void setMaxOldestDueAge(Duration maxOldestDueAge) {
            this.maxOldestDueAge = maxOldestDueAge;
        }
    }
}
