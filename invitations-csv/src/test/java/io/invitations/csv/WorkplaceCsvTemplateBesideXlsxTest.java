package io.invitations.csv;

import io.invitations.core.bulk.RowField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workplace offers a CSV template next to the .xlsx one for "Invite Selected" from a file. */
@DisplayName("Workplace: a CSV template beside the .xlsx one")
class WorkplaceCsvTemplateBesideXlsxTest {
    @Test
    @DisplayName("the template, filled in by a spreadsheet program, imports without a warning")
    void filledInTemplateImports() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTemplate.write(out, CsvExportOptions.defaults(), List.of(RowField.EMAIL, RowField.FIRST_NAME,
                RowField.ROLE));
        String filled = out.toString(StandardCharsets.UTF_8) + "jane@example.com,Jane,member\r\n";

        ImportResult result = CsvImporter.read(new ByteArrayInputStream(filled.getBytes(StandardCharsets.UTF_8)));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("email,first name,role\r\n");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(r -> {
            assertThat(r.email()).isEqualTo("jane@example.com");
            assertThat(r.firstName()).isEqualTo("Jane");
            assertThat(r.role()).isEqualTo("member");
        });
    }

    @Test
    @DisplayName("by default every column; for Excel with a byte order mark, and semicolons where asked")
    void everyColumnByDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTemplate.write(out, CsvExportOptions.excel().withSeparator(';'));
        String header = out.toString(StandardCharsets.UTF_8);

        assertThat(header).startsWith("\uFEFFemail;").endsWith("\r\n");
        for (RowField field : RowField.values()) {
            assertThat(header).contains(field.canonicalHeader());
        }
        StringWriter text = new StringWriter();
        CsvTemplate.write(text, CsvExportOptions.defaults(), List.of(RowField.IDENTIFIER, RowField.LAST_NAME));
        assertThat(text).hasToString("identifier,last name\r\n");
    }

    @Test
    @DisplayName("a template without a contact column, or with a repeated one, is refused naming the columns")
    void aTemplateNoRowCouldUseIsRefused() {
        assertThatThrownBy(() -> CsvTemplate.write(new ByteArrayOutputStream(), CsvExportOptions.defaults(),
                List.of(RowField.ROLE))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMAIL")
                .hasMessageContaining("ROLE");
        assertThatThrownBy(() -> CsvTemplate.write(new ByteArrayOutputStream(), CsvExportOptions.defaults(),
                List.of(RowField.EMAIL, RowField.EMAIL))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeat");
    }
}
