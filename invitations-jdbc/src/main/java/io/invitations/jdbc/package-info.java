/**
 * Invitation storage on a SQL database through plain JDBC: {@link io.invitations.jdbc.JdbcInvitationStore}
 * implements the storage SPI on PostgreSQL (and H2 as an embedded option) with the contract's rules
 * enforced by the database itself (unique index, compare-and-set, foreign keys, row locks), so they
 * hold across application instances; {@link io.invitations.jdbc.JdbcSchema} exports the versioned
 * DDL for hosts that run it themselves.
 *
 * @since 0.1.0
 */
package io.invitations.jdbc;
