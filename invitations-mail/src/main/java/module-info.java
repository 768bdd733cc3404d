/**
 * A Mailer over Jakarta Mail (SMTP) and a file mailer for development.
 *
 * @since 1.0
 */
module io.invitations.mail {
    requires transitive io.invitations.spi;
    requires transitive jakarta.mail;
    requires org.eclipse.angus.mail;
    requires org.slf4j;
    requires static org.apiguardian.api;

    exports io.invitations.mail;
}
