package io.invitations.excel;

import io.invitations.excel.internal.TemplateWorkbook;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes the Excel template people fill in for a bulk invitation: a sheet with a frozen header row
 * (the canonical headers {@code email}, {@code first name}, ..., which {@link XlsxImporter} and the
 * CSV importer recognise), dropdowns for the tenant's roles, the membership types ({@code member},
 * {@code guest}) and the identifier kinds, a second sheet of instructions (what each column holds,
 * which are required), and the bulk limit stated in the instructions, in a comment on the first
 * header and in the prompt of the email column: "At most 500 rows per file; split larger lists into
 * waves." Columns are formatted as text, so that phone and personnel numbers keep their leading zeros.
 *
 * <pre>{@code
 * TemplateOptions options = TemplateOptions.builder()
 *         .roles(List.of("member", "editor", "admin"))
 *         .language(Locale.GERMAN)
 *         .build();
 * try (OutputStream out = Files.newOutputStream(Path.of("invitations.xlsx"))) {
 *     XlsxTemplate.write(out, options);
 * }
 * }</pre>
 *
 * <p>Thread-safe: every call is independent.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class XlsxTemplate {
    private XlsxTemplate() {
    }

    /**
     * Writes the template.
     *
     * @param out     where to write the {@code .xlsx}; flushed, not closed
     * @param options roles, limit, columns and language
     * @throws UncheckedIOException when writing to {@code out} fails
     * @throws NullPointerException if an argument is null
     */
    public static void write(OutputStream out, TemplateOptions options) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        try {
            TemplateWorkbook.write(out, options);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the template could not be written", e);
        }
    }
}
