package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.xml.sax.SAXParseException;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns whatever POI, the zip reader or the XML parser threw into the one typed
 * {@link ImportException} that explains it: first the verdict a guard recorded (limits, DOCTYPE),
 * then an {@link ImportException} anywhere in the cause chain, then known shapes of broken files.
 */
final class ImportFailures {
    private ImportFailures() {
    }

    /**
     * Explains a failure.
     *
     * @param failure what was thrown
     * @param budget  the import's budget, holding a guard's verdict if one stopped the import
     * @return the typed error to throw
     */
    static ImportException explain(Throwable failure, ReadBudget budget) {
        if (budget != null && budget.verdict() != null) {
            return budget.verdict();
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof ImportException typed) {
                return typed;
            }
            if (t instanceof SAXParseException && String.valueOf(t.getMessage()).toUpperCase(Locale.ROOT)
                    .contains("DOCTYPE")) {
                return new ImportException(ErrorCode.IMPORT_UNSAFE, 0, null,
                        "a part of the workbook declares a DOCTYPE, which can hide external entities (XXE) or entity"
                                + " bombs; files saved by Excel or LibreOffice never do; the file is refused", failure);
            }
            if (t instanceof SAXParseException && String.valueOf(t.getMessage()).startsWith("JAXP000")) {
                // a processing limit Xml.parse set on the JDK parser (depth, attributes, entities)
                return new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                        "a part of the workbook passes the XML parser's limits (" + Names.shorten(t.getMessage())
                                + "); spreadsheet programs never write that, so the file is refused. If the file is"
                                + " genuine, raise XlsxLimits.maxElementDepth or maxAttributesPerElement", failure);
            }
            if (t instanceof ODFNotOfficeXmlFileException) {
                return new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null,
                        "this is an OpenDocument spreadsheet (.ods); save it as 'Excel Workbook (.xlsx)'", failure);
            }
        }
        return new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null,
                "the file is not a readable .xlsx workbook (" + reason(failure) + "); open it in Excel or LibreOffice"
                        + " and save it as 'Excel Workbook (.xlsx)'", failure);
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : Names.shorten(message);
    }
}
