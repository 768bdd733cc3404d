/**
 * Reading invitation rows from the files people already have, and writing CSV exports. Importers
 * turn CSV ({@link io.invitations.csv.CsvImporter}), plain text lists
 * ({@link io.invitations.csv.TextImporter}), vCards ({@link io.invitations.csv.VCardImporter}) and
 * LDIF directory exports ({@link io.invitations.csv.LdifImporter}) into
 * {@link io.invitations.core.bulk.InvitationRow rows} for the bulk engine; a file that cannot be read
 * as a whole is refused with a typed {@link io.invitations.core.bulk.ImportException}, and nothing is
 * written. Exporters write the status report ({@link io.invitations.csv.StatusReportExport}) and
 * claim links ({@link io.invitations.csv.ClaimLinkExport}) with every cell neutralised against
 * formula injection.
 *
 * @since 0.1.0
 */
package io.invitations.csv;
