/**
 * Spring MVC endpoints of the invitations engine. Exports the controllers, the resolver contract and
 * the JSON views; opens them, and the internal package, to Spring for reflection.
 *
 * @since 1.0
 */
module io.invitations.spring.web {
    requires transitive io.invitations.core;
    requires io.invitations.csv;
    requires io.invitations.excel;
    requires io.invitations.jackson;
    requires java.net.http;
    requires org.slf4j;
    requires spring.boot;
    requires transitive spring.web;
    requires transitive spring.webmvc;
    requires spring.boot.autoconfigure;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires static jakarta.servlet;
    requires static spring.security.core;
    requires static org.apiguardian.api;

    exports io.invitations.spring.web;

    opens io.invitations.spring.web to spring.core, spring.beans, spring.context, spring.web, spring.webmvc;
    opens io.invitations.spring.web.internal to spring.core, spring.beans, spring.context, spring.web,
            spring.webmvc;
}
