/**
 * The service provider interfaces and the value types their signatures need: what storage, mail, identity, security, seat, settings and template adapters implement. Every package is exported.
 *
 * @since 1.0
 */
module io.invitations.spi {
    requires static org.apiguardian.api;

    exports io.invitations.spi;
    exports io.invitations.spi.event;
    exports io.invitations.spi.identity;
    exports io.invitations.spi.invitation;
    exports io.invitations.spi.mail;
    exports io.invitations.spi.message;
    exports io.invitations.spi.seats;
    exports io.invitations.spi.security;
    exports io.invitations.spi.settings;
    exports io.invitations.spi.storage;
}
