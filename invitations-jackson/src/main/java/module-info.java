/**
 * Invitation events to and from JSON with Jackson 3, and a Jackson module writing the id types as strings.
 *
 * @since 1.0
 */
module io.invitations.jackson {
    requires transitive io.invitations.spi;
    requires transitive tools.jackson.databind;
    requires static org.apiguardian.api;

    exports io.invitations.jackson;
}
