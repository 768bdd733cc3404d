package io.invitations.csv;

import org.apiguardian.api.API;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How {@link VCardImporter} reads a file.
 *
 * <pre>{@code
 * VCardImportOptions options = VCardImportOptions.defaults().withPhoneAsIdentifier(true);
 * }</pre>
 *
 * @param phoneAsIdentifier whether a card without email but with a phone number becomes an
 *                          identifier row of kind {@code phone} (invited with an access code);
 *                          when {@code false} such a card is a row with a problem on {@code email}
 * @param charset           the charset when the file has no byte-order mark (vCard 3.0 and 4.0 are
 *                          UTF-8; some vCard 2.1 exports are windows-1252), not {@code null}
 * @param limits            the size limit and the most cards read, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record VCardImportOptions(boolean phoneAsIdentifier, Charset charset, ImportLimits limits) {
    private static final VCardImportOptions DEFAULTS =
            new VCardImportOptions(false, StandardCharsets.UTF_8, ImportLimits.defaults());

    /**
     * Validates the options.
     *
     * @throws NullPointerException if {@code charset} or {@code limits} is null
     */
    public VCardImportOptions {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Returns the defaults: phones are not used as identifiers, UTF-8, {@link ImportLimits#defaults()}.
     *
     * @return the default options
     */
    public static VCardImportOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy that does or does not turn phone-only cards into identifier rows.
     *
     * @param value {@code true} to use the phone number as identifier
     * @return new options
     */
    public VCardImportOptions withPhoneAsIdentifier(boolean value) {
        return new VCardImportOptions(value, charset, limits);
    }

    /**
     * Returns a copy with another charset.
     *
     * @param value the charset
     * @return new options
     */
    public VCardImportOptions withCharset(Charset value) {
        return new VCardImportOptions(phoneAsIdentifier, value, limits);
    }

    /**
     * Returns a copy with other limits.
     *
     * @param value the limits
     * @return new options
     */
    public VCardImportOptions withLimits(ImportLimits value) {
        return new VCardImportOptions(phoneAsIdentifier, charset, value);
    }
}
