/**
 * Micrometer metrics and observations for the invitation engine.
 *
 * @since 1.0
 */
module io.invitations.micrometer {
    requires transitive io.invitations.core;
    requires transitive micrometer.core;
    requires transitive micrometer.observation;
    requires micrometer.commons;
    requires org.slf4j;
    requires static org.apiguardian.api;

    exports io.invitations.micrometer;
}
