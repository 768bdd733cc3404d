package io.invitations.spi.message;

import java.util.Objects;
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
public record Branding(String tenantName, String logoUrl, String accentColor, String description) {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /**
     * Validates the branding.
     *
     * @throws NullPointerException     if {@code tenantName} is null
     * @throws IllegalArgumentException if the name is blank, the logo URL is not http(s), or the
     *                                  colour is not {@code #RRGGBB}
     */
    public Branding {
        Objects.requireNonNull(tenantName, "tenantName");
        if (tenantName.isBlank()) {
            throw new IllegalArgumentException("tenantName must not be blank");
        }
        if (logoUrl != null && !(logoUrl.startsWith("https://") || logoUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("logoUrl must be an absolute http(s) URL");
        }
        if (accentColor != null && !COLOR.matcher(accentColor).matches()) {
            throw new IllegalArgumentException("accentColor must look like #1A2B3C, was " + accentColor);
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
