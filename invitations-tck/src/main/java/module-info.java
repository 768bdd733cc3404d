/**
 * Compatibility kits for every SPI and the test helpers adapter authors share.
 *
 * @since 1.0
 */
module io.invitations.tck {
    requires transitive io.invitations.spi;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires static org.apiguardian.api;

    exports io.invitations.tck;
    exports io.invitations.tck.support;
}
