package io.invitations.excel.internal;

import io.invitations.excel.XlsxLimits;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses a part with POI's hardened SAX reader (no DOCTYPE, no external entities), with the JDK
 * parser's processing limits set on this reader only (never through the JVM-wide {@code jdk.xml.*}
 * system properties): element depth and attributes per element one above the {@link XlsxLimits}
 * (the byte-level {@link XmlShapeGuard} refuses first, with the clearer message), entity expansions
 * and entity sizes small (no entity can be declared anyway: a DOCTYPE is refused). A parser other
 * than the JDK's that does not know a property simply keeps its own limits; the guard still holds.
 */
final class Xml {
    private static final String JAXP = "http://www.oracle.com/xml/jaxp/properties/";
    /** Entity expansions allowed per reader: the predefined entities need none; no others can exist. */
    static final int MAX_ENTITY_EXPANSIONS = 64;
    /** The most characters any one entity, or all entities together, may expand to. */
    static final int MAX_ENTITY_CHARS = 4_096;

    private Xml() {
    }

    /**
     * Parses a part and closes it.
     *
     * @param part    the part's stream
     * @param handler the handler
     * @param limits  the limits whose XML shape limits this reader gets
     * @throws IOException  when reading fails or a guard stops it
     * @throws SAXException when the XML is malformed or the handler stops it
     */
    static void parse(InputStream part, DefaultHandler handler, XlsxLimits limits) throws IOException, SAXException {
        try (InputStream in = part) {
            XMLReader reader = XMLHelper.newXMLReader();
            limit(reader, "maxElementDepth", limits.maxElementDepth() + 1L);
            limit(reader, "elementAttributeLimit", limits.maxAttributesPerElement() + 1L);
            limit(reader, "entityExpansionLimit", MAX_ENTITY_EXPANSIONS);
            limit(reader, "maxGeneralEntitySizeLimit", MAX_ENTITY_CHARS);
            limit(reader, "maxParameterEntitySizeLimit", MAX_ENTITY_CHARS);
            limit(reader, "totalEntitySizeLimit", MAX_ENTITY_CHARS);
            limit(reader, "maxXMLNameLimit", 1_000);
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static void limit(XMLReader reader, String name, long value) {
        try {
            reader.setProperty(JAXP + name, Long.toString(value));
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // not the JDK's parser: it keeps its own limits, and XmlShapeGuard bounds the shape anyway
        }
    }

    /**
     * Returns an element's local name whether or not the parser is namespace-aware.
     *
     * @param localName the local name the parser gave, possibly empty
     * @param qName     the qualified name
     * @return the name without prefix
     */
    static String local(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    /**
     * Decodes the {@code _xHHHH_} escapes OOXML uses for characters XML cannot carry.
     *
     * @param text the text as stored
     * @return the text as typed
     */
    static String unescape(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 7 <= text.length() && text.startsWith("_x", i) && text.charAt(i + 6) == '_'
                    && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
