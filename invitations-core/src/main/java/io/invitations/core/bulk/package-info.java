/**
 * Bulk invitations: the row model that file importers produce ({@link io.invitations.core.bulk.InvitationRow}),
 * the header recognition they share ({@link io.invitations.core.bulk.ColumnMapping}), the typed
 * {@link io.invitations.core.bulk.ImportException} for files that cannot be read, and the bulk
 * engine that turns rows into invitations with a report line per row.
 *
 * @since 0.1.0
 */
package io.invitations.core.bulk;
