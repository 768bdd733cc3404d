package io.invitations.excel.internal;

import io.invitations.excel.XlsxImportOptions;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.excel.XlsxImportResult;
import io.invitations.excel.XlsxImportSummary;
import io.invitations.excel.XlsxLimits;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apiguardian.api.API;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One import, start to end: copy the upload with a cap, refuse what is not a zip, check the zip's
 * directory, open the package over guarded entry streams, find the sheet, read shared strings and
 * formats, then stream the sheet through {@link SheetReader}. Anything thrown on the way leaves as
 * one typed {@link io.invitations.core.bulk.ImportException}.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
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
        List<InvitationRow> rows = new ArrayList<>();
        XlsxImportSummary summary = forEachRow(in, options, rows::add);
        return new XlsxImportResult(summary.sheetName(), summary.headerRowNumber(), summary.headers(), rows,
                summary.warnings());
    }

    /**
     * Reads a workbook, handing each row to a consumer as soon as the sheet's row ends.
     *
     * @param in       the upload; read to its end, not closed
     * @param options  the options
     * @param consumer told of each data row
     * @return the sheet, header and row count
     * @throws io.invitations.core.bulk.ImportException when the file cannot be read or passes a limit
     */
    public static XlsxImportSummary forEachRow(InputStream in, XlsxImportOptions options,
                                               Consumer<? super InvitationRow> consumer) {
        XlsxLimits limits = options.limits();
        byte[] bytes = Upload.read(in, limits.maxUploadBytes());
        Upload.requireZip(bytes);
        ZipDirectory.scan(bytes, limits);
        ReadBudget budget = new ReadBudget(limits);
        // the consumer's own failure leaves as it is, never explained as a broken file
        RuntimeException[] consumerFailure = {null};
        Consumer<InvitationRow> guarded = row -> {
            try {
                consumer.accept(row);
            } catch (RuntimeException e) {
                consumerFailure[0] = e;
                throw e;
            }
        };
        try (GuardedZipSource source = GuardedZipSource.open(bytes, budget)) {
            OPCPackage pkg = OPCPackage.open(source);
            try {
                return read(pkg, options, budget, guarded);
            } finally {
                pkg.revert();
            }
        } catch (Exception e) {
            if (consumerFailure[0] != null) {
                throw consumerFailure[0];
            }
            throw ImportFailures.explain(e, budget);
        }
    }

    private static XlsxImportSummary read(OPCPackage pkg, XlsxImportOptions options, ReadBudget budget,
                                          Consumer<? super InvitationRow> consumer) throws Exception {
        WorkbookParts parts = new WorkbookParts(pkg, options.limits());
        boolean date1904 = parts.date1904();
        WorkbookParts.Sheet sheet = parts.sheet(options.sheetName());
        SharedStrings strings = parts.sharedStrings();
        CellFormats formats = parts.formats(date1904);
        if (sheet.entry() != null) {
            budget.stream(sheet.entry());
        }
        SheetReader reader = new SheetReader(sheet.name(), strings, formats, options.columns(), options.limits(),
                consumer);
        Xml.parse(sheet.part().getInputStream(), reader, options.limits());
        if (budget.verdict() != null) {
            // a guard stopped a read that POI then swallowed: the file is still refused
            throw budget.verdict();
        }
        return reader.summary();
    }
}
