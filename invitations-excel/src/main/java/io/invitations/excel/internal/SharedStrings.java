package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workbook's shared strings, read with SAX and kept compactly: the text in pages of one MiB of
 * characters and two ints per string, instead of an object per string (POI's tables keep an
 * XMLBeans object per string). Rich-text runs are joined; phonetic runs are dropped.
 */
final class SharedStrings {
    /** Excel's own limit of characters in one cell. */
    static final int MAX_CELL_CHARS = 32_767;

    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final SharedStrings NONE = new SharedStrings();

    private final List<StringBuilder> pages = new ArrayList<>();
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int size;

    private SharedStrings() {
    }

    static SharedStrings none() {
        return NONE;
    }

    /**
     * Reads a shared-strings part.
     *
     * @param part the part's stream
     * @param limits the limits, for the XML reader
     * @return the strings
     * @throws IOException  when reading fails or a guard stops it
     * @throws SAXException when the XML is malformed
     */
    static SharedStrings read(InputStream part, io.invitations.excel.XlsxLimits limits) throws IOException, SAXException {
        SharedStrings strings = new SharedStrings();
        Xml.parse(part, strings.new Handler(), limits);
        return strings;
    }

    int size() {
        return size;
    }

    /**
     * Returns one string.
     *
     * @param index the index, from 0
     * @return the string
     * @throws IndexOutOfBoundsException when there is no such string
     */
    String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int start = starts[index];
        int offset = start & (PAGE - 1);
        return pages.get(start >>> PAGE_BITS).substring(offset, offset + lengths[index]);
    }

    private void add(CharSequence text) {
        if (pages.isEmpty() || pages.get(pages.size() - 1).length() + text.length() > PAGE) {
            if (pages.size() >= (Integer.MAX_VALUE >>> PAGE_BITS)) {
                throw new IllegalStateException("too many shared strings");
            }
            pages.add(new StringBuilder(Math.min(PAGE, Math.max(4096, text.length()))));
        }
        StringBuilder page = pages.get(pages.size() - 1);
        if (size == starts.length) {
            int grown = size + (size >> 1) + 16;
            starts = Arrays.copyOf(starts, grown);
            lengths = Arrays.copyOf(lengths, grown);
        }
        starts[size] = (pages.size() - 1) << PAGE_BITS | page.length();
        lengths[size] = text.length();
        page.append(text);
        size++;
    }

    private final class Handler extends DefaultHandler {
        private final StringBuilder text = new StringBuilder();
        private boolean inItem;
        private boolean inText;
        private int phoneticDepth;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (Xml.local(localName, qName)) {
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                }
                case "t" -> inText = inItem && phoneticDepth == 0;
                case "rPh" -> phoneticDepth++;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (Xml.local(localName, qName)) {
                case "si" -> {
                    inItem = false;
                    String value = Xml.unescape(text.toString());
                    if (value.length() > MAX_CELL_CHARS) {
                        throw tooLong();
                    }
                    add(value);
                }
                case "t" -> inText = false;
                case "rPh" -> phoneticDepth--;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!inText) {
                return;
            }
            // escaped characters (_xHHHH_) take 7 characters each before decoding
            if (text.length() + length > 7L * MAX_CELL_CHARS) {
                throw tooLong();
            }
            text.append(ch, start, length);
        }

        private ImportException tooLong() {
            return new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                    "shared string " + (size + 1) + " holds more than " + Sizes.count(MAX_CELL_CHARS)
                            + " characters, Excel's own limit for a cell; the file was not saved by a spreadsheet"
                            + " program");
        }
    }
}
