/**
 * Spring Boot auto-configuration. Exports the configuration and properties package and opens it,
 * and its internal package, to Spring for reflection.
 *
 * @since 1.0
 */
module io.invitations.spring.boot {
    requires transitive io.invitations.core;
    requires io.invitations.jdbc;
    requires io.invitations.micrometer;
    requires static io.invitations.mail;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires static spring.context.support;
    requires static spring.boot.jdbc;
    requires static spring.jdbc;
    requires static spring.tx;
    requires static spring.boot.mail;
    requires static spring.boot.health;
    requires static jakarta.mail;
    requires micrometer.core;
    requires micrometer.observation;
    requires java.sql;
    requires org.slf4j;
    requires static org.apiguardian.api;

    exports io.invitations.spring.boot;

    opens io.invitations.spring.boot to spring.core, spring.beans, spring.context;
    opens io.invitations.spring.boot.internal to spring.core, spring.beans, spring.context;
}
