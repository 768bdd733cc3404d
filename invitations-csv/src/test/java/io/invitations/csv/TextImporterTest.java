package io.invitations.csv;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.invitations.csv.TestFiles.resource;
import static io.invitations.csv.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

@DisplayName("TextImporter")
class TextImporterTest {

    @Test
    @DisplayName("reads one address per line, numbered by line, blank lines skipped, duplicates reported")
    void readsList() {
        ImportResult result = TextImporter.read(resource("addresses.txt"));

        assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(1, 3, 4, 6);
        assertThat(result.rows()).extracting(InvitationRow::email)
                .containsExactly("ana@example.com", "bo@example.com", "Ana@Example.com", "zoé@exemple.fr");
        assertThat(result.rows()).allSatisfy(row -> assertThat(row.problems()).isEmpty());
        assertThat(result.warnings()).extracting(ImportWarning::rowNumber).containsExactly(4, 0);
        assertThat(result.warnings().get(0).message()).startsWith("duplicate of row 1");
        assertThat(result.warnings().get(1).message()).isEqualTo("2 blank rows skipped: 2, 5");
    }

    @Test
    @DisplayName("every later duplicate is a warning naming the first occurrence; the rows stay clean for the bulk engine")
    void severalDuplicates() {
        ImportResult result = TextImporter.read(utf8("a@x.io\nb@x.io\nA@X.IO\na@x.io\nb@x.io"));

        assertThat(result.rows()).hasSize(5).allSatisfy(row -> assertThat(row.problems()).isEmpty());
        assertThat(result.warnings()).extracting(w -> w.rowNumber() + ": "
                        + w.message().substring(0, "duplicate of row 1".length()))
                .containsExactly("3: duplicate of row 1", "4: duplicate of row 1", "5: duplicate of row 2");
    }

    @Test
    @DisplayName("a file without any address is refused")
    void empty() {
        assertThatThrownBy(() -> TextImporter.read(utf8(" \n\n\t\n")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("one email address per line");
    }

    @Test
    @DisplayName("the row limit counts addresses, not blank lines")
    void rowLimit() {
        ImportLimits limits = ImportLimits.of(1_000, 2);

        assertThat(TextImporter.read(utf8("a@x.io\n\n\n\nb@x.io\n"), StandardCharsets.UTF_8, limits).rows()).hasSize(2);
        assertThatThrownBy(() -> TextImporter.read(utf8("a@x.io\nb@x.io\n\nc@x.io\n"), StandardCharsets.UTF_8, limits))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("row 4: the file has more than 2 rows")
                .asInstanceOf(type(ImportException.class))
                .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
    }

    @Test
    @DisplayName("a windows-1252 list reads with its charset")
    void windows1252() {
        byte[] bytes = "zoé@exemple.fr\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));

        ImportResult result = TextImporter.read(new java.io.ByteArrayInputStream(bytes),
                java.nio.charset.Charset.forName("windows-1252"), ImportLimits.defaults());

        assertThat(result.rows().get(0).email()).isEqualTo("zoé@exemple.fr");
    }
}
