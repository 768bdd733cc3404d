package io.invitations.spring.web.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small HTML pages of the opt-out link a recipient opens in a browser: the confirmation page
 * (a form that posts back to the same URL; opening it changes nothing, so a mail scanner that
 * pre-fetches the link opts nobody out) and the page after the post. No script, no external
 * resource, every text escaped; the responses are never cached, never framed and send no referrer
 * (the token is in the URL).
 */
public final class OptOutPage {
    /** The form field that marks a post from the confirmation page (as opposed to a mailbox provider's one-click post). */
    public static final String CONFIRM_FIELD = "confirmed";

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private OptOutPage() {
    }

    /**
     * The confirmation page. It does not contain the token (the form posts to the page's own URL), so
     * a valid and a forged token answer byte for byte alike.
     *
     * @return the page, 200
     */
    public static ResponseEntity<String> confirmation() {
        return page(HttpStatus.OK, "Stop invitations",
                "<p>Do you want to receive no more invitations from this sender?</p>"
                        + "<form method=\"post\">"
                        + "<input type=\"hidden\" name=\"" + CONFIRM_FIELD + "\" value=\"true\">"
                        + "<p><label><input type=\"radio\" name=\"scope\" value=\"TENANT\" checked> "
                        + "From this organisation</label><br>"
                        + "<label><input type=\"radio\" name=\"scope\" value=\"ALL_TENANTS\"> "
                        + "From every organisation using this service</label></p>"
                        + "<p><button type=\"submit\" id=\"opt-out-confirm\">Stop invitations</button></p>"
                        + "</form>");
    }

    /**
     * The page after the opt-out was recorded.
     *
     * @param everyTenant whether the opt-out covers every tenant
     * @return the page, 200
     */
    public static ResponseEntity<String> done(boolean everyTenant) {
        return page(HttpStatus.OK, "Invitations stopped", "<p id=\"opt-out-done\">You will receive no more invitations "
                + (everyTenant ? "from any organisation using this service" : "from this organisation") + ".</p>");
    }

    /**
     * The page for a link that is not valid (forged, altered or unknown), with the status the JSON
     * endpoint answers for it.
     *
     * @param status the status of the same failure as a problem detail
     * @param detail the neutral text of that problem detail
     * @return the page
     */
    public static ResponseEntity<String> failed(HttpStatus status, String detail) {
        return page(status, "Invitations", "<p id=\"opt-out-failed\">" + HtmlUtils.htmlEscape(detail) + "</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}</style>"
                + "</head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }
}
