package io.invitations.spring.web;

import org.apiguardian.api.API;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code invitations.web.webhooks.*} properties: which mail providers' delivery webhooks
 * {@link DeliveryWebhookController} accepts, and the secret each must present. Every provider is
 * off (its endpoint answers 404) until switched on with its secret. {@link #toString()} never
 * shows a secret.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
@ConfigurationProperties("invitations.web.webhooks")
public class WebhookProperties {
    /** The largest request body accepted, in bytes (at most 16 MiB); larger ones answer 413. */
    private long maxBodyBytes = 1024 * 1024;
    private final AmazonSes amazonSes = new AmazonSes();
    private final BasicAuth sendgrid = new BasicAuth();
    private final BasicAuth postmark = new BasicAuth();
    private final Mailgun mailgun = new Mailgun();

    /**
     * The largest body accepted.
     *
     * @return bytes, 1 MiB by default
     */
    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Sets the largest body accepted.
     *
     * @param maxBodyBytes bytes, 1 to 16 MiB (checked when the controller starts)
     */
    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Amazon SES notifications through an SNS HTTPS subscription.
     *
     * @return the settings
     */
    public AmazonSes getAmazonSes() {
        return amazonSes;
    }

    /**
     * The SendGrid Event Webhook.
     *
     * @return the settings
     */
    public BasicAuth getSendgrid() {
        return sendgrid;
    }

    /**
     * Postmark's Bounce, Spam complaint and Delivery webhooks.
     *
     * @return the settings
     */
    public BasicAuth getPostmark() {
        return postmark;
    }

    /**
     * Mailgun's webhooks.
     *
     * @return the settings
     */
    public Mailgun getMailgun() {
        return mailgun;
    }

    @Override
    public String toString() {
        return "WebhookProperties[maxBodyBytes=" + maxBodyBytes + ", amazonSes=" + amazonSes + ", sendgrid="
                + sendgrid + ", postmark=" + postmark + ", mailgun=" + mailgun + "]";
    }

    /**
     * A provider that authenticates with HTTP Basic credentials written into the webhook URL
     * ({@code https://user:password@host/path}).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public static class BasicAuth {
        /** Whether the endpoint accepts this provider's webhooks. */
        private boolean enabled;
        /** The user name the provider sends. */
        private String username;
        /** The password the provider sends: a random secret of at least 16 characters. */
        private String password;

        /**
         * Whether enabled.
         *
         * @return {@code false} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Switches the endpoint.
         *
         * @param enabled {@code true} to accept this provider's webhooks
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The user name.
         *
         * @return the name, or {@code null}
         */
        public String getUsername() {
            return username;
        }

        /**
         * Sets the user name.
         *
         * @param username the name
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * The password.
         *
         * @return the password, or {@code null}
         */
        public String getPassword() {
            return password;
        }

        /**
         * Sets the password.
         *
         * @param password the password
         */
        public void setPassword(String password) {
            this.password = password;
        }

        @Override
        public String toString() {
            return "[enabled=" + enabled + ", username=" + username + ", password="
                    + (password == null ? "unset" : "******") + "]";
        }
    }

    /** Amazon SES through an SNS HTTPS subscription, with HTTP Basic credentials in the endpoint URL. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public static class AmazonSes extends BasicAuth {
        /** Whether an authenticated SNS SubscriptionConfirmation is confirmed by fetching its SubscribeURL. */
        private boolean confirmSubscriptions = true;

        /**
         * Whether SNS subscriptions are confirmed.
         *
         * @return {@code true} by default
         */
        public boolean isConfirmSubscriptions() {
            return confirmSubscriptions;
        }

        /**
         * Sets whether SNS subscriptions are confirmed.
         *
         * @param confirmSubscriptions {@code false} to confirm them by hand
         */
        public void setConfirmSubscriptions(boolean confirmSubscriptions) {
            this.confirmSubscriptions = confirmSubscriptions;
        }

        @Override
        public String toString() {
            return super.toString() + "[confirmSubscriptions=" + confirmSubscriptions + "]";
        }
    }

    /** Mailgun: every request is signed with the domain's HTTP webhook signing key. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public static class Mailgun {
        /** Whether the endpoint accepts Mailgun's webhooks. */
        private boolean enabled;
        /** The HTTP webhook signing key (Mailgun: Sending, Webhooks). */
        private String signingKey;
        /**
         * How far a signature's timestamp may be from now; older requests answer 403. Each token is
         * also accepted only once (a replay answers 403), for as long as the attempt throttle's window.
         */
        private Duration maxAge = Duration.ofMinutes(5);

        /**
         * Whether enabled.
         *
         * @return {@code false} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Switches the endpoint.
         *
         * @param enabled {@code true} to accept Mailgun's webhooks
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The signing key.
         *
         * @return the key, or {@code null}
         */
        public String getSigningKey() {
            return signingKey;
        }

        /**
         * Sets the signing key.
         *
         * @param signingKey the key
         */
        public void setSigningKey(String signingKey) {
            this.signingKey = signingKey;
        }

        /**
         * The largest accepted age of a signature.
         *
         * @return the age, 5 minutes by default
         */
        public Duration getMaxAge() {
            return maxAge;
        }

        /**
         * Sets the largest accepted age of a signature.
         *
         * @param maxAge the age, positive
         */
        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        @Override
        public String toString() {
            return "[enabled=" + enabled + ", signingKey=" + (signingKey == null ? "unset" : "******") + ", maxAge="
                    + maxAge + "]";
        }
    }
}
