package io.invitations.excel.internal;

import io.invitations.core.bulk.CellText;
import io.invitations.core.bulk.StatusReport;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** Writes the status report with SXSSF: a window of 100 rows in memory, the rest in a compressed temp file. */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class StatusWorkbook {
    /** The report's sheet. */
    public static final String SHEET = "Status";

    private static final int WINDOW = 100;
    private static final int MAX_ROWS = 1_048_575;

    private StatusWorkbook() {
    }

    /**
     * Writes the report.
     *
     * @param out         where to write; not closed
     * @param invitations the invitations
     * @param now         the instant statuses are judged at
     * @return the number of invitations written
     * @throws IOException when writing fails
     */
    public static int write(OutputStream out, Iterable<Invitation> invitations, Instant now) throws IOException {
        // close() also deletes SXSSF's temporary file
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet(SHEET);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row head = sheet.createRow(0);
            fill(head, StatusReport.HEADERS, header, header);
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < StatusReport.HEADERS.size(); c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
            // text cells are never calculated; a text that looks like a formula is also marked "quote
            // prefixed", so that Excel shows it as typed and keeps it text when someone edits the cell
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            int n = 0;
            for (Invitation invitation : invitations) {
                if (n == MAX_ROWS) {
                    throw InvitationException.invalidValue("more than " + Sizes.count(MAX_ROWS)
                            + " invitations do not fit in one sheet; export them in parts");
                }
                fill(sheet.createRow(++n), StatusReport.row(invitation, now), null, quoted);
            }
            wb.write(out);
            return n;
        }
    }

    private static void fill(Row row, List<String> values, CellStyle style, CellStyle formulaLike) {
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c) == null ? "" : values.get(c);
            row.createCell(c).setCellValue(value);
            CellStyle chosen = CellText.neutralize(value).equals(value) ? style : formulaLike;
            if (chosen != null) {
                row.getCell(c).setCellStyle(chosen);
            }
        }
    }
}
