/**
 * Imports invitees from .xlsx workbooks and writes status reports as .xlsx.
 *
 * @since 1.0
 */
module io.invitations.excel {
    requires transitive io.invitations.core;
    requires org.apache.poi.ooxml;
    requires org.apache.poi.poi;
    requires org.apache.commons.compress;
    requires java.xml;
    requires static org.apiguardian.api;

    exports io.invitations.excel;
}
