/**
 * Look-alike detection of contacts with ICU4J's Unicode TR 39 skeletons.
 *
 * @since 1.0
 */
module io.invitations.icu {
    requires transitive io.invitations.core;
    requires com.ibm.icu;
    requires static org.apiguardian.api;

    exports io.invitations.icu;
}
