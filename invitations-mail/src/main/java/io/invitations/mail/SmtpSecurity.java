package io.invitations.mail;

import org.apiguardian.api.API;

/**
 * How the connection to the SMTP server is protected.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum SmtpSecurity {
    /** Plain SMTP, no encryption (a local relay or a test server only). Default port 25. */
    NONE(25),
    /** SMTP upgraded with STARTTLS, which the server must offer (submission). Default port 587. */
    STARTTLS(587),
    /** SMTP inside TLS from the first byte (SMTPS). Default port 465. */
    SMTPS(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /**
     * The port used when none is configured.
     *
     * @return the default port
     */
    public int defaultPort() {
        return defaultPort;
    }
}
