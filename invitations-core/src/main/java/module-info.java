/**
 * The invitation engine and its facade. Exports the API packages; the engine parts under
 * {@code internal} packages are not exported. The two packages holding validated request types are
 * open, so that any Jakarta Validation provider can read their constraints.
 *
 * @since 1.0
 */
module io.invitations.core {
    requires transitive io.invitations.spi;
    requires transitive jakarta.validation;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;
    requires static org.apiguardian.api;

    exports io.invitations.core;
    exports io.invitations.core.bulk;
    exports io.invitations.core.code;
    exports io.invitations.core.conversion;
    exports io.invitations.core.invitee;
    exports io.invitations.core.lifecycle;
    exports io.invitations.core.link;
    exports io.invitations.core.memory;
    exports io.invitations.core.message;
    exports io.invitations.core.observe;
    exports io.invitations.core.optout;
    exports io.invitations.core.outbox;
    exports io.invitations.core.policy;
    exports io.invitations.core.referral;
    exports io.invitations.core.token;

    opens io.invitations.core;
    opens io.invitations.core.link;
}
