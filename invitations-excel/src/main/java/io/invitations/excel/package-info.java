/**
 * Excel ({@code .xlsx}) files for bulk invitations, on Apache POI: a template to fill in
 * ({@link io.invitations.excel.XlsxTemplate}: frozen header, dropdowns for the tenant's roles and
 * membership types, instructions, the bulk limit), a streaming importer that turns a filled sheet
 * into rows and refuses hostile files in bounded memory ({@link io.invitations.excel.XlsxImporter}),
 * and an export of the invitation status report ({@link io.invitations.excel.XlsxStatusExport}).
 *
 * @since 0.1.0
 */
package io.invitations.excel;
