package io.invitations.spi.message;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.regex.Pattern;

/**
 * How a tenant presents itself in invitation messages: its name, logo, accent colour and a short
 * description of what the platform is for.
 *
 * @param tenantName  the organization's name shown to invitees, not blank
 * @param logoUrl     an absolute {@code https:} (or {@code http:}) URL of the logo, or {@code null}
 * @param accentColor a colour as {@code #RRGGBB}, or {@code null} for the default
 * @param description a short description of the organization or platform, or {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Branding(String tenantName, String logoUrl, String accentColor, String description) {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /**
     * Validates the branding.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if the name is missing or blank,
     *         the logo URL is not http(s), or the colour is not {@code #RRGGBB}
     */
    public Branding {
        InvitationException.requireValue(tenantName, "tenantName");
        if (tenantName.isBlank()) {
            throw InvitationException.invalidValue("tenantName must not be blank: give the organization's name");
        }
        if (logoUrl != null && !(logoUrl.startsWith("https://") || logoUrl.startsWith("http://"))) {
            throw InvitationException.invalidValue("logoUrl must be an absolute http(s) URL, e.g. "
                    + "https://example.com/logo.png");
        }
        if (accentColor != null && !COLOR.matcher(accentColor).matches()) {
            throw InvitationException.invalidValue("accentColor must look like #1A2B3C, was " + accentColor
                    + ": give six hexadecimal digits after #");
        }
        description = description == null || description.isBlank() ? null : description;
    }

    /**
     * Branding with a name only.
     *
     * @param tenantName the organization's name
     * @return the branding
     */
    public static Branding named(String tenantName) {
        return new Branding(tenantName, null, null, null);
    }
}
