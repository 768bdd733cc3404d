package io.invitations.csv;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.invitations.csv.TestFiles.resource;
import static io.invitations.csv.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

@DisplayName("LdifImporter")
class LdifImporterTest {

    @Test
    @DisplayName("reads an ldapsearch export: base64 values, folded lines, people only, rows counting entries")
    void ldapsearchExport() {
        ImportResult result = LdifImporter.read(resource("people.ldif"));

        assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(3, 4, 5);
        InvitationRow jurgen = result.rows().get(0);
        assertThat(jurgen.email()).isEqualTo("juergen.mueller@example.com");
        assertThat(jurgen.firstName()).isEqualTo("Jürgen");
        assertThat(jurgen.lastName()).isEqualTo("Müller");
        assertThat(jurgen.metadata()).containsEntry("dn", "uid=jmuller,ou=People,dc=example,dc=com")
                .containsEntry("employeeNumber", "1001");
        InvitationRow helene = result.rows().get(1);
        assertThat(helene.email()).isEqualTo("helene.beranger@example.com");
        assertThat(helene.firstName()).isEqualTo("Hélène");
        assertThat(helene.lastName()).isEqualTo("Béranger");
        InvitationRow kim = result.rows().get(2);
        assertThat(kim.email()).isNull();
        assertThat(kim.identifierKind()).isEqualTo("personnel_number");
        assertThat(kim.identifier()).isEqualTo("4711");
        assertThat(result.rows()).allSatisfy(row -> assertThat(row.problems()).isEmpty());
        assertThat(result.warnings()).extracting(ImportWarning::rowNumber).containsExactly(1, 2, 6);
    }

    @Test
    @DisplayName("an entry with neither mail nor employeeNumber is a row with a problem")
    void unreachablePerson() {
        InvitationRow row = LdifImporter.read(utf8("dn: uid=x,dc=e\nobjectClass: person\ncn: X Y\nsn: Y\n"))
                .rows().get(0);

        assertThat(row.lastName()).isEqualTo("Y");
        assertThat(row.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("email"));
    }

    @Test
    @DisplayName("change records are refused, naming the entry")
    void changeRecord() {
        assertThatThrownBy(() -> LdifImporter.read(utf8("dn: uid=a,dc=e\nmail: a@x.io\n\n"
                + "dn: uid=b,dc=e\nchangetype: modify\nreplace: mail\nmail: b@x.io\n-\n")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("change record (changetype: modify)");
    }

    @Test
    @DisplayName("malformed LDIF names the line")
    void malformed() {
        assertThatThrownBy(() -> LdifImporter.read(utf8("dn: uid=a,dc=e\nmail: a@x.io\n\n"
                + "dn: uid=b,dc=e\nmail:: !!!\n")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("line 4")
                .asInstanceOf(type(ImportException.class))
                .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
    }

    @Test
    @DisplayName("values given by URL are refused as unsafe, however they are written, and the file is never read")
    void urlValues(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret-content");
        String url = secret.toUri().toString();
        List<String> attacks = List.of(
                "dn: uid=a,dc=e\nmail: a@x.io\ndescription:< " + url + "\n",
                "dn: uid=a,dc=e\nmail: a@x.io\ndescription;lang-en :<" + url + "\n",
                "dn: uid=a,dc=e\nmail: a@x.io\ndescri\n ption:< " + url + "\n",
                "dn: uid=a,dc=e\nmail: a@x.io\r\tdescription:< " + url + "\r",
                "dn: uid=a,dc=e\ncontrol: 1.2.3 true:< " + url + "\nchangetype: delete\n");
        for (String ldif : attacks) {
            assertThatThrownBy(() -> LdifImporter.read(utf8(ldif)))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("by URL")
                    .hasMessageNotContaining("top-secret-content")
                    .asInstanceOf(type(ImportException.class))
                    .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_UNSAFE);
        }
    }

    @Test
    @DisplayName("a file without entries, or without people, is refused")
    void noPeople() {
        assertThatThrownBy(() -> LdifImporter.read(utf8("version: 1\n# nothing\n")))
                .isInstanceOf(ImportException.class).hasMessageContaining("no LDIF entry");
        assertThatThrownBy(() -> LdifImporter.read(utf8("dn: ou=People,dc=e\nobjectClass: organizationalUnit\n")))
                .isInstanceOf(ImportException.class).hasMessageContaining("no person entry");
    }

    @Test
    @DisplayName("a byte-order mark and trailing spaces are tolerated")
    void tolerant() {
        ImportResult result = LdifImporter.read(utf8("\uFEFFdn: uid=a,dc=e\r\nmail: a@x.io  \r\ncn: Doe, Jane\r\n"));

        assertThat(result.rows().get(0).email()).isEqualTo("a@x.io");
        assertThat(result.rows().get(0).firstName()).isEqualTo("Jane");
        assertThat(result.rows().get(0).lastName()).isEqualTo("Doe");
    }

    @Test
    @DisplayName("more entries than the limit are refused")
    void limit() {
        String entry = "dn: uid=a,dc=e\nmail: a@x.io\n\n";

        assertThatThrownBy(() -> LdifImporter.read(utf8(entry.repeat(3)), ImportLimits.of(10_000, 2)))
                .isInstanceOf(ImportException.class)
                .asInstanceOf(type(ImportException.class))
                .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
    }

    @Test
    @DisplayName("entries that are not people: ten warnings and one summary, and they count against the row limit")
    void manySkippedEntries() {
        String skipped = "dn: o=a\n\n";
        String person = "dn: uid=a,dc=e\nmail: a@x.io\n\n";

        ImportResult result = LdifImporter.read(utf8(skipped.repeat(2_000) + person));

        assertThat(result.rows()).singleElement().extracting(InvitationRow::rowNumber).isEqualTo(2_001);
        assertThat(result.warnings()).hasSize(11);
        assertThat(result.warnings().get(10).message()).contains("1990 more entries skipped").contains("2000 in all");
        assertThatThrownBy(() -> LdifImporter.read(utf8(skipped.repeat(50) + person), ImportLimits.of(10_000, 20)))
                .isInstanceOf(ImportException.class).hasMessageContaining("more than 20 rows")
                .asInstanceOf(type(ImportException.class))
                .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
    }

    @Test
    @DisplayName("a base64 value that is not UTF-8 is a problem naming the attribute and the entry, never U+FFFD")
    void notUtf8() {
        ImportResult result = LdifImporter.read(utf8("dn: uid=a,dc=e\nmail:: YfxAeC5jb20=\ngivenName:: SvxyZ2Vu\n"
                + "sn: Lee\n"));

        InvitationRow row = result.rows().get(0);
        assertThat(row.email()).isNull();
        assertThat(row.firstName()).isNull();
        assertThat(row.toString()).doesNotContain("\uFFFD");
        assertThat(row.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).contains("uid=a,dc=e")
                .contains("not UTF-8").contains("as UTF-8"));
        assertThat(row.problems()).extracting(p -> p.field()).containsExactly("givenName", "mail");
    }
}
