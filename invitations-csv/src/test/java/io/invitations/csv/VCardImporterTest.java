package io.invitations.csv;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowProblem;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.csv.TestFiles.resource;
import static io.invitations.csv.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

@DisplayName("VCardImporter")
class VCardImporterTest {

    @Test
    @DisplayName("an iOS 3.0 export: the email typed pref wins, names from N, one row per card")
    void ios() {
        ImportResult result = VCardImporter.read(resource("ios-contacts.vcf"));

        assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(1, 2);
        InvitationRow zoe = result.rows().get(0);
        assertThat(zoe.email()).isEqualTo("zoe.dupont@example.fr");
        assertThat(zoe.firstName()).isEqualTo("Zoé");
        assertThat(zoe.lastName()).isEqualTo("Dupont");
        assertThat(zoe.problems()).isEmpty();
    }

    @Test
    @DisplayName("a card with only phones is a row with a problem unless phones are identifiers")
    void phoneOnlyCard() {
        InvitationRow without = VCardImporter.read(resource("ios-contacts.vcf")).rows().get(1);
        InvitationRow with = VCardImporter.read(resource("ios-contacts.vcf"),
                VCardImportOptions.defaults().withPhoneAsIdentifier(true)).rows().get(1);

        assertThat(without.email()).isNull();
        assertThat(without.problems()).singleElement().extracting(RowProblem::message).asString()
                .contains("no email address").contains("phoneAsIdentifier");
        assertThat(with.problems()).isEmpty();
        assertThat(with.identifierKind()).isEqualTo("phone");
        assertThat(with.identifier()).isEqualTo("+33 7 00 11 22 33");
        assertThat(with.firstName()).isEqualTo("Paul");
    }

    @Test
    @DisplayName("an Android 2.1 export: quoted-printable UTF-8 names, the PREF email wins; empty N falls back to FN")
    void android() {
        ImportResult result = VCardImporter.read(resource("android-contacts.vcf"));

        InvitationRow jurgen = result.rows().get(0);
        assertThat(jurgen.email()).isEqualTo("j.mueller@firma.example");
        assertThat(jurgen.firstName()).isEqualTo("Jürgen");
        assertThat(jurgen.lastName()).isEqualTo("Müller");
        InvitationRow kim = result.rows().get(1);
        assertThat(kim.firstName()).isEqualTo("Kim");
        assertThat(kim.lastName()).isEqualTo("Lee");
    }

    @Test
    @DisplayName("an Outlook 2.1 card")
    void outlook() {
        InvitationRow row = VCardImporter.read(resource("outlook-contact.vcf")).rows().get(0);

        assertThat(row.email()).isEqualTo("helene.beranger@societe.example");
        assertThat(row.firstName()).isEqualTo("Hélène");
        assertThat(row.lastName()).isEqualTo("Béranger");
    }

    @Test
    @DisplayName("a 4.0 file: the lowest PREF wins, FN is split, a tel: URI becomes the phone identifier")
    void version4() {
        ImportResult result = VCardImporter.read(resource("contacts-v4.vcf"),
                VCardImportOptions.defaults().withPhoneAsIdentifier(true));

        InvitationRow jean = result.rows().get(0);
        assertThat(jean.email()).isEqualTo("jean@maison.example");
        assertThat(jean.firstName()).isEqualTo("Jean");
        assertThat(jean.lastName()).isEqualTo("Dupont");
        InvitationRow jane = result.rows().get(1);
        assertThat(jane.identifier()).isEqualTo("+1-555-0100");
        assertThat(jane.firstName()).isEqualTo("Jane");
        assertThat(jane.lastName()).isEqualTo("Doe");
    }

    @Test
    @DisplayName("without email nor phone the problem asks for an EMAIL line")
    void nothingToReach() {
        InvitationRow row = VCardImporter.read(utf8("BEGIN:VCARD\nVERSION:3.0\nFN:Nobody\nEND:VCARD\n"),
                VCardImportOptions.defaults().withPhoneAsIdentifier(true)).rows().get(0);

        assertThat(row.problems()).singleElement().extracting(RowProblem::message).asString().contains("EMAIL");
    }

    @Test
    @DisplayName("text without any card is refused")
    void noCard() {
        assertThatThrownBy(() -> VCardImporter.read(utf8("name,email\nAna,a@x.io\n")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("BEGIN:VCARD")
                .asInstanceOf(type(ImportException.class))
                .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
    }

    @Test
    @DisplayName("more cards than the limit are refused, naming the card")
    void cardLimit() {
        String card = "BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@x.io\nEND:VCARD\n";
        VCardImportOptions options = VCardImportOptions.defaults().withLimits(ImportLimits.of(10_000, 2));

        assertThatThrownBy(() -> VCardImporter.read(utf8(card.repeat(3)), options))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("row 3: the file has more than 2 rows");
    }

    @Test
    @DisplayName("repairs made by the parser come back as warnings on the card")
    void warnings() {
        ImportResult result = VCardImporter.read(utf8("BEGIN:VCARD\nVERSION:4.0\nEMAIL:a@x.io\n"
                + "BDAY:not a date\nEND:VCARD\n"));

        assertThat(result.rows().get(0).email()).isEqualTo("a@x.io");
        assertThat(result.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w.rowNumber()).isEqualTo(1));
    }

    @Test
    @DisplayName("a card with several email addresses says which one was used")
    void severalEmails() {
        ImportResult result = VCardImporter.read(utf8("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\n"
                + "EMAIL:home@x.com\r\nEMAIL;TYPE=pref:work@x.com\r\nEND:VCARD\r\n"));

        assertThat(result.rows().get(0).email()).isEqualTo("work@x.com");
        assertThat(result.warnings()).extracting(ImportWarning::message)
                .contains("the card has 2 email addresses; work@x.com (the preferred one) was used");
    }
}
