package io.invitations.excel.internal;

import io.invitations.excel.XlsxImportOptions;
import io.invitations.excel.XlsxImportResult;
import io.invitations.excel.XlsxLimits;
import org.apache.poi.openxml4j.opc.OPCPackage;

import java.io.InputStream;

/**
 * One import, start to end: copy the upload with a cap, refuse what is not a zip, check the zip's
 * directory, open the package over guarded entry streams, find the sheet, read shared strings and
 * formats, then stream the sheet through {@link SheetReader}. Anything thrown on the way leaves as
 * one typed {@link io.invitations.core.bulk.ImportException}.
 */
public final class WorkbookImport {
    private WorkbookImport() {
    }

    /**
     * Reads a workbook.
     *
     * @param in      the upload; read to its end, not closed
     * @param options the options
     * @return every data row
     * @throws io.invitations.core.bulk.ImportException when the file cannot be read or passes a limit
     */
    public static XlsxImportResult read(InputStream in, XlsxImportOptions options) {
        XlsxLimits limits = options.limits();
        byte[] bytes = Upload.read(in, limits.maxUploadBytes());
        Upload.requireZip(bytes);
        ZipDirectory.scan(bytes, limits);
        ReadBudget budget = new ReadBudget(limits);
        try (GuardedZipSource source = GuardedZipSource.open(bytes, budget)) {
            OPCPackage pkg = OPCPackage.open(source);
            try {
                return read(pkg, options, budget);
            } finally {
                pkg.revert();
            }
        } catch (Exception e) {
            throw ImportFailures.explain(e, budget);
        }
    }

    private static XlsxImportResult read(OPCPackage pkg, XlsxImportOptions options, ReadBudget budget)
            throws Exception {
        WorkbookParts parts = new WorkbookParts(pkg);
        boolean date1904 = parts.date1904();
        WorkbookParts.Sheet sheet = parts.sheet(options.sheetName());
        SharedStrings strings = parts.sharedStrings();
        CellFormats formats = parts.formats(date1904);
        if (sheet.entry() != null) {
            budget.stream(sheet.entry());
        }
        SheetReader reader = new SheetReader(sheet.name(), strings, formats, options.columns(), options.limits());
        Xml.parse(sheet.part().getInputStream(), reader);
        if (budget.verdict() != null) {
            // a guard stopped a read that POI then swallowed: the file is still refused
            throw budget.verdict();
        }
        return reader.result();
    }
}
