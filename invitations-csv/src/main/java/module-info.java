/**
 * Imports invitees from CSV, vCard and LDIF and writes status reports as CSV.
 *
 * @since 1.0
 */
module io.invitations.csv {
    requires transitive io.invitations.core;
    requires com.opencsv;
    requires com.googlecode.ezvcard;
    requires unboundid.ldapsdk;
    requires static org.apiguardian.api;

    exports io.invitations.csv;
}
