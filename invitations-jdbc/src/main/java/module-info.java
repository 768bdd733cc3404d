/**
 * Storage, key ring, throttle, seat ledger and identity directory over JDBC (PostgreSQL and H2).
 *
 * @since 1.0
 */
module io.invitations.jdbc {
    requires transitive io.invitations.spi;
    requires transitive java.sql;
    requires org.slf4j;
    requires static com.h2database;
    requires static org.apiguardian.api;

    exports io.invitations.jdbc;
}
