package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import io.invitations.excel.XlsxLimits;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the parts of a workbook with POI's event-API {@link XSSFReader}: the sheets in workbook
 * order with their names, the shared strings, the styles, and the workbook's date system. Parts are
 * read with our own SAX handlers, never POI's user model.
 */
final class WorkbookParts extends XSSFReader {
    /** A sheet: its name and its part ({@code null} when the workbook points at a missing part). */
    record Sheet(String name, PackagePart part) {
        boolean isWorksheet() {
            return part != null && XSSFRelation.WORKSHEET.getContentType().equals(part.getContentType());
        }

        ZipArchiveEntry entry() {
            return part instanceof ZipPackagePart zip ? zip.getZipArchive() : null;
        }
    }

    private final XlsxLimits limits;

    WorkbookParts(OPCPackage pkg, XlsxLimits limits) throws IOException, OpenXML4JException {
        super(pkg);
        this.limits = limits;
    }

    /**
     * Chooses the sheet to read.
     *
     * @param name the sheet's name (compared ignoring case), or {@code null} for the first worksheet
     * @return the sheet
     * @throws ImportException {@link ErrorCode#IMPORT_INVALID_FILE} when there is no such worksheet
     * @throws IOException     when the workbook part cannot be read
     */
    Sheet sheet(String name) throws IOException, InvalidFormatException {
        List<Sheet> sheets = sheets();
        for (Sheet s : sheets) {
            if (name == null ? s.isWorksheet() : s.name().equalsIgnoreCase(name)) {
                if (!s.isWorksheet()) {
                    throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, "sheet",
                            "the sheet '" + Names.shorten(s.name()) + "' holds a chart or a dialog, not cells;"
                                    + " choose a worksheet");
                }
                return s;
            }
        }
        String names = sheets.stream().map(s -> "'" + Names.shorten(s.name()) + "'").collect(Collectors.joining(", "));
        if (name == null) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, "sheet",
                    "the workbook has no worksheet" + (sheets.isEmpty() ? "" : " (its sheets are " + names + ")")
                            + "; put the list on a worksheet");
        }
        throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, "sheet",
                "the workbook has no sheet named '" + Names.shorten(name) + "'; its sheets are " + names
                        + "; choose one of them or leave the sheet unset to read the first");
    }

    private List<Sheet> sheets() throws IOException, InvalidFormatException {
        List<Sheet> sheets = new ArrayList<>();
        SheetIterator it = getSheetIterator();
        while (it.hasNext()) {
            PackagePart part;
            try {
                // next() opens the sheet's stream; only its part is wanted here
                it.next().close();
                part = it.getSheetPart();
            } catch (POIXMLException e) {
                part = null;
            }
            sheets.add(new Sheet(it.getSheetName() == null ? "" : it.getSheetName(), part));
        }
        return sheets;
    }

    /**
     * Reads the shared strings, if the workbook has any.
     *
     * @return the strings, possibly none
     * @throws IOException  when reading fails or a guard stops it
     * @throws SAXException when the XML is malformed
     */
    SharedStrings sharedStrings() throws IOException, SAXException, InvalidFormatException {
        PackagePart part = related(XSSFRelation.SHARED_STRINGS);
        return part == null ? SharedStrings.none() : SharedStrings.read(part.getInputStream(), limits);
    }

    /**
     * Reads the number formats, if the workbook has a styles part.
     *
     * @param date1904 whether the workbook counts dates from 1904
     * @return the formats
     * @throws IOException  when reading fails or a guard stops it
     * @throws SAXException when the XML is malformed
     */
    CellFormats formats(boolean date1904) throws IOException, SAXException, InvalidFormatException {
        PackagePart part = related(XSSFRelation.STYLES);
        return part == null ? CellFormats.general(date1904) : CellFormats.read(part.getInputStream(), date1904, limits);
    }

    /**
     * Tells whether the workbook counts dates from 1904 (old Mac workbooks) instead of 1900.
     *
     * @return {@code true} for the 1904 date system
     * @throws IOException  when reading fails or a guard stops it
     * @throws SAXException when the XML is malformed
     */
    boolean date1904() throws IOException, SAXException, InvalidFormatException {
        boolean[] found = {false};
        Xml.parse(getWorkbookData(), new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("workbookPr".equals(Xml.local(localName, qName))) {
                    String v = attributes.getValue("date1904");
                    found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                }
            }
        }, limits);
        return found[0];
    }

    private PackagePart related(XSSFRelation relation) throws InvalidFormatException {
        PackageRelationshipCollection rels = workbookPart.getRelationshipsByType(relation.getRelation());
        if (rels.isEmpty()) {
            return null;
        }
        PackageRelationship rel = rels.getRelationship(0);
        return pkg.getPart(PackagingURIHelper.createPartName(rel.getTargetURI()));
    }
}
