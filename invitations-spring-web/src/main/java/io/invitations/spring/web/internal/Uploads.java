package io.invitations.spring.web.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.csv.CsvImporter;
import io.invitations.csv.LdifImporter;
import io.invitations.csv.TextImporter;
import io.invitations.csv.VCardImporter;
import io.invitations.excel.XlsxImporter;
import io.invitations.spi.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Reads an uploaded file into rows by its name's extension, through the importers' safe limits. */
public final class Uploads {
    /** The extensions accepted, as listed in errors and docs. */
    public static final List<String> EXTENSIONS = List.of(".csv", ".txt", ".vcf", ".ldif", ".xlsx");

    private Uploads() {
    }

    /**
     * Reads the rows of an upload.
     *
     * @param fileName the file's name as uploaded
     * @param in       its bytes
     * @return the rows, with the problems found while reading
     * @throws ImportException if the file cannot be read or its type is not supported
     * @throws IOException     if reading the upload fails
     */
    public static List<InvitationRow> read(String fileName, InputStream in) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        try (InputStream body = in) {
            if (name.endsWith(".csv")) {
                return CsvImporter.read(body).rows();
            }
            if (name.endsWith(".txt")) {
                return TextImporter.read(body).rows();
            }
            if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
                return VCardImporter.read(body).rows();
            }
            if (name.endsWith(".ldif")) {
                return LdifImporter.read(body).rows();
            }
            if (name.endsWith(".xlsx")) {
                return XlsxImporter.read(body).rows();
            }
        }
        throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, "file",
                "the file type of '" + (fileName == null ? "" : fileName) + "' is not supported: upload one of "
                        + String.join(", ", EXTENSIONS));
    }
}
