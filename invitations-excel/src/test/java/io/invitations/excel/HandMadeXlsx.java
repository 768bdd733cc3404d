package io.invitations.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal .xlsx part by part, as programs other than Excel do (no shared strings unless
 * asked, inline strings, sparse cells): only the parts an OOXML reader needs, with the XML given by
 * the test. Any part can be replaced, and extra entries added, to build broken or hostile files.
 */
final class HandMadeXlsx {
    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private final Map<String, String> sheets = new LinkedHashMap<>();
    private List<String> sharedStrings;
    private String styles;
    private boolean date1904;
    private final Map<String, byte[]> overrides = new LinkedHashMap<>();

    static HandMadeXlsx create() {
        return new HandMadeXlsx();
    }

    /** Adds a worksheet whose {@code <sheetData>} holds the given XML. */
    HandMadeXlsx sheet(String name, String sheetDataXml) {
        sheets.put(name, sheetDataXml);
        return this;
    }

    HandMadeXlsx sharedStrings(List<String> strings) {
        sharedStrings = strings;
        return this;
    }

    /** Adds a styles part whose {@code <styleSheet>} holds the given XML. */
    HandMadeXlsx styles(String styleSheetXml) {
        styles = styleSheetXml;
        return this;
    }

    HandMadeXlsx date1904() {
        date1904 = true;
        return this;
    }

    /** Replaces a part (or adds an entry) with exactly these bytes. */
    HandMadeXlsx entry(String name, String content) {
        return entry(name, content.getBytes(StandardCharsets.UTF_8));
    }

    HandMadeXlsx entry(String name, byte[] content) {
        overrides.put(name, content);
        return this;
    }

    /** The parts, by entry name, before zipping. */
    Map<String, byte[]> parts() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>");
        StringBuilder workbookRels = new StringBuilder("<Relationships xmlns=\"" + PKG_REL_NS + "\">");
        StringBuilder workbook = new StringBuilder("<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">");
        if (date1904) {
            workbook.append("<workbookPr date1904=\"1\"/>");
        }
        workbook.append("<sheets>");
        int i = 0;
        for (Map.Entry<String, String> sheet : sheets.entrySet()) {
            i++;
            String part = "xl/worksheets/sheet" + i + ".xml";
            types.append("<Override PartName=\"/").append(part).append("\" ContentType=\"").append(CT_SHEET).append("\"/>");
            workbookRels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL_NS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            workbook.append("<sheet name=\"").append(escape(sheet.getKey())).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i).append("\"/>");
            parts.put(part, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN_NS
                    + "\"><sheetData>" + sheet.getValue() + "</sheetData></worksheet>"));
        }
        workbook.append("</sheets></workbook>");
        if (sharedStrings != null) {
            types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sharedStrings+xml\"/>");
            workbookRels.append("<Relationship Id=\"rIdS\" Type=\"").append(REL_NS)
                    .append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            StringBuilder sst = new StringBuilder("<sst xmlns=\"" + MAIN_NS + "\">");
            sharedStrings.forEach(s -> sst.append("<si><t xml:space=\"preserve\">").append(escape(s)).append("</t></si>"));
            parts.put("xl/sharedStrings.xml", utf8(sst.append("</sst>").toString()));
        }
        if (styles != null) {
            types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.styles+xml\"/>");
            workbookRels.append("<Relationship Id=\"rIdT\" Type=\"").append(REL_NS)
                    .append("/styles\" Target=\"styles.xml\"/>");
            parts.put("xl/styles.xml", utf8("<styleSheet xmlns=\"" + MAIN_NS + "\">" + styles + "</styleSheet>"));
        }
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("[Content_Types].xml", utf8(types.append("</Types>").toString()));
        all.put("_rels/.rels", utf8("<Relationships xmlns=\"" + PKG_REL_NS + "\"><Relationship Id=\"rId1\" Type=\""
                + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        all.put("xl/workbook.xml", utf8(workbook.toString()));
        all.put("xl/_rels/workbook.xml.rels", utf8(workbookRels.append("</Relationships>").toString()));
        all.putAll(parts);
        all.putAll(overrides);
        return all;
    }

    byte[] bytes() {
        return zip(parts());
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A row of inline-string cells with explicit references, e.g. {@code row(1, "A", "email", "B", "x")}. */
    static String inlineRow(int row, String... columnAndText) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columnAndText.length; i += 2) {
            cells.add("<c r=\"" + columnAndText[i] + row + "\" t=\"inlineStr\"><is><t>" + escape(columnAndText[i + 1])
                    + "</t></is></c>");
        }
        return "<row r=\"" + row + "\">" + String.join("", cells) + "</row>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
