/**
 * Invitation storage on a SQL database through plain JDBC: {@link io.invitations.jdbc.JdbcInvitationStore}
 * implements the storage SPI on PostgreSQL (and H2 as an embedded option) with the contract's rules
 * enforced by the database itself (unique index, compare-and-set, foreign keys, row locks), so they
 * hold across application instances; {@link io.invitations.jdbc.JdbcSchema} exports the versioned
 * DDL for hosts that run it themselves. {@link io.invitations.jdbc.JdbcAttemptThrottle} counts wrong
 * access-code guesses in the same database, shared by every node, and is the store's default
 * throttle. {@link io.invitations.jdbc.JdbcConnections} is where every class here gets its
 * connections: by default from a {@code DataSource}, committing on their own; a host may make the
 * store's writes join its own transactions (Spring's {@code DataSourceUtils} semantics).
 *
 * @since 0.1.0
 */
package io.invitations.jdbc;
