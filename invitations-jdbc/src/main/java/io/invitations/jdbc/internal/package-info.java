/**
 * The JDBC store's machinery: SQL text, row mapping, batch writing, migrations. Nothing here is
 * API; it may change in any release.
 */
package io.invitations.jdbc.internal;
