package io.invitations.core.bulk.internal;

import io.invitations.core.internal.RequestValidator;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.bulk.RowProblem;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Reading a bulk row")
class RowReaderTest {
    private static final RequestValidator REQUESTS = RequestValidator.byDefaultProvider();
    private static final TenantId TENANT = TenantId.of("acme");
    private static final BatchId BATCH = BatchId.of("batch-1");
    private static final Inviter ADMIN = Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);

    private static BulkRequest.Builder request() {
        return BulkRequest.builder(List.of()).defaultRole("member");
    }

    private static RowReader.Reading read(InvitationRow.Builder row) {
        return new RowReader(request().build(), BATCH, REQUESTS).read(row.build());
    }

    private static InvitationRow.Builder row(String email) {
        return InvitationRow.builder(2).set(RowField.EMAIL, email);
    }

    private static List<String> fields(RowReader.Reading reading) {
        return reading.problems().stream().map(RowProblem::field).toList();
    }

    @Nested
    @DisplayName("email")
    class Email {
        @Test
        void the_domain_is_converted_from_idn_and_lower_cased_while_the_local_part_is_kept() {
            RowReader.Reading r = read(row("  Jane.Doe@Bücher.EXAMPLE  "));

            assertThat(r.problems()).isEmpty();
            assertThat(r.request().email()).isEqualTo("Jane.Doe@xn--bcher-kva.example");
            assertThat(r.request().source()).isEqualTo(InvitationSource.bulk(BATCH));
            assertThat(r.key()).isEqualTo("email:jane.doe@xn--bcher-kva.example");
        }

        @ParameterizedTest
        @ValueSource(strings = {"jane", "jane@", "@example.com", "jane doe@example.com", "jane@example",
                "jane@exa mple.com", ".jane@example.com", "ja..ne@example.com", "jane@-example.com",
                "jane@example..com", "a@b@example.com"})
        void malformed_addresses_are_invalid_with_the_email_field_named(String email) {
            RowReader.Reading r = read(row(email));

            assertThat(r.request()).isNull();
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("email");
                assertThat(p.message()).contains("well-formed email address");
            });
        }

        @Test
        void an_address_longer_than_smtp_allows_is_invalid() {
            String email = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "com";

            assertThat(read(row(email)).problems()).singleElement()
                    .satisfies(p -> assertThat(p.field()).isEqualTo("email"));
        }

        @Test
        void a_row_without_email_or_identifier_is_invalid_on_the_email_field() {
            RowReader.Reading r = read(InvitationRow.builder(7).set(RowField.FIRST_NAME, "Jane"));

            assertThat(fields(r)).containsExactly("email");
            assertThat(r.key()).isNull();
        }

        @Test
        void an_email_problem_the_importer_already_recorded_is_not_reported_twice() {
            RowReader.Reading r = read(InvitationRow.builder(7).problem("email", "the cell holds a number"));

            assertThat(r.problems()).containsExactly(new RowProblem("email", "the cell holds a number"));
        }
    }

    @Nested
    @DisplayName("membership type")
    class Membership {
        @ParameterizedTest
        @CsvSource({"member, MEMBER", "Membre, MEMBER", "MITGLIED, MEMBER", "members, MEMBER",
                "guest, GUEST", "Invité, GUEST", "invitée, GUEST", "Gast, GUEST", "Gäste, GUEST", "GUEST, GUEST"})
        void is_read_in_english_french_and_german(String word, MembershipType expected) {
            RowReader.Reading r = read(row("jane@example.com").set(RowField.MEMBERSHIP_TYPE, word));

            assertThat(r.problems()).isEmpty();
            assertThat(r.request().membershipType()).isEqualTo(expected);
        }

        @Test
        void an_unknown_word_is_invalid_and_names_the_accepted_words() {
            RowReader.Reading r = read(row("jane@example.com").set(RowField.MEMBERSHIP_TYPE, "owner"));

            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("membership");
                assertThat(p.message()).contains("'owner'", "member", "guest");
            });
        }

        @Test
        void the_default_type_applies_when_the_cell_is_empty() {
            RowReader reader = new RowReader(request().defaultMembershipType(MembershipType.GUEST).build(), BATCH, REQUESTS);

            assertThat(reader.read(row("jane@example.com").set(RowField.MEMBERSHIP_TYPE, " ").build())
                    .request().membershipType()).isEqualTo(MembershipType.GUEST);
        }
    }

    @Nested
    @DisplayName("language")
    class Language {
        @ParameterizedTest
        @CsvSource({"fr, fr", "de-CH, de-CH", "pt_BR, pt-BR", "EN, en", "français, fr", "Deutsch, de", "English, en"})
        void is_read_as_a_language_tag_or_a_language_name(String cell, String tag) {
            RowReader.Reading r = read(row("jane@example.com").set(RowField.LANGUAGE, cell));

            assertThat(r.problems()).isEmpty();
            assertThat(r.request().locale()).isEqualTo(Locale.forLanguageTag(tag));
        }

        @ParameterizedTest
        @ValueSource(strings = {"klingon!", "x", "12", "en--US", "verylonglanguage"})
        void anything_else_is_invalid_on_the_language_field(String cell) {
            assertThat(fields(read(row("jane@example.com").set(RowField.LANGUAGE, cell)))).containsExactly("language");
        }

        @Test
        void the_default_locale_applies_when_the_cell_is_empty_and_none_means_the_tenant_default() {
            RowReader german = new RowReader(request().defaultLocale(Locale.GERMAN).build(), BATCH, REQUESTS);

            assertThat(german.read(row("jane@example.com").build()).request().locale()).isEqualTo(Locale.GERMAN);
            assertThat(read(row("jane@example.com")).request().locale()).isNull();
        }
    }

    @Nested
    @DisplayName("identifier rows")
    class Identifiers {
        @ParameterizedTest
        @CsvSource({"phone, phone", "Téléphone, phone", "Telefon, phone", "matricule, personnel_number",
                "Personalnummer, personnel_number", "date de naissance, birth_date", "Geburtsdatum, birth_date",
                "badge id, badge_id"})
        void a_row_without_email_uses_its_identifier_and_kind(String kind, String expectedKind) {
            RowReader.Reading r = read(InvitationRow.builder(3).set(RowField.IDENTIFIER, "E-1234")
                    .set(RowField.IDENTIFIER_KIND, kind).set(RowField.FIRST_NAME, "Jean"));

            assertThat(r.problems()).isEmpty();
            assertThat(r.request().identifierKind()).isEqualTo(expectedKind);
            assertThat(r.request().identifier()).isEqualTo("E-1234");
            assertThat(r.request().email()).isNull();
            assertThat(r.request().firstName()).isEqualTo("Jean");
            assertThat(r.keyField()).isEqualTo("identifier");
        }

        @Test
        void without_a_kind_the_calls_default_kind_applies() {
            RowReader reader = new RowReader(request().defaultIdentifierKind(IdentifierKind.PERSONNEL_NUMBER).build(), BATCH, REQUESTS);

            assertThat(reader.read(InvitationRow.builder(3).set(RowField.IDENTIFIER, "42").build())
                    .request().identifierKind()).isEqualTo(IdentifierKind.PERSONNEL_NUMBER.name());
        }

        @Test
        void without_a_kind_and_without_a_default_the_row_is_invalid_on_the_identifier_kind() {
            RowReader.Reading r = read(InvitationRow.builder(3).set(RowField.IDENTIFIER, "42"));

            assertThat(fields(r)).containsExactly("identifier kind");
            assertThat(r.problems().get(0).message()).contains("phone, personnel_number, birth_date");
        }

        @Test
        void a_kind_that_cannot_be_a_name_is_invalid() {
            RowReader.Reading r = read(InvitationRow.builder(3).set(RowField.IDENTIFIER, "42")
                    .set(RowField.IDENTIFIER_KIND, "x".repeat(80)));

            assertThat(fields(r)).containsExactly("identifier kind");
        }

        @Test
        void an_identifier_next_to_an_email_is_kept_as_metadata() {
            RowReader.Reading r = read(row("jane@example.com").set(RowField.IDENTIFIER, "E-7")
                    .set(RowField.IDENTIFIER_KIND, "matricule"));

            assertThat(r.request().identifier()).isNull();
            assertThat(r.request().metadata())
                    .containsEntry("identifier", "E-7").containsEntry("identifier kind", "matricule");
        }
    }

    @Nested
    @DisplayName("defaults and grant")
    class Defaults {
        @Test
        void the_calls_defaults_apply_where_cells_are_empty() {
            RowReader reader = new RowReader(request().defaultGroups(Set.of("all-staff")).unit(UnitId.of("paris"))
                    .personalMessage("Welcome!").build(), BATCH, REQUESTS);

            RowReader.Reading r = reader.read(row("jane@example.com").build());

            assertThat(r.request().role()).isEqualTo("member");
            assertThat(r.request().groups()).containsExactly("all-staff");
            assertThat(r.request().unit()).isEqualTo(UnitId.of("paris"));
            assertThat(r.request().personalMessage()).isEqualTo("Welcome!");
        }

        @Test
        void the_rows_own_cells_win_over_the_defaults_and_metadata_is_copied_into_the_grant() {
            RowReader reader = new RowReader(request().defaultGroups(Set.of("all-staff")).personalMessage("Welcome!").build(), BATCH, REQUESTS);

            RowReader.Reading r = reader.read(row("jane@example.com").set(RowField.ROLE, "editor")
                    .set(RowField.GROUPS, "sales; emea").set(RowField.MESSAGE, "Hi Jane")
                    .metadata("cost centre", "CC-9").build());

            assertThat(r.request().role()).isEqualTo("editor");
            assertThat(r.request().groups()).containsExactlyInAnyOrder("sales", "emea");
            assertThat(r.request().metadata()).isEqualTo(Map.of("cost centre", "CC-9"));
            assertThat(r.request().personalMessage()).isEqualTo("Hi Jane");
        }

        @Test
        void a_row_without_role_is_invalid_when_the_call_has_no_default_role() {
            RowReader reader = new RowReader(BulkRequest.builder(List.of()).build(), BATCH, REQUESTS);

            assertThat(fields(reader.read(row("jane@example.com").build()))).containsExactly("role");
        }
    }

    @Test
    void every_problem_of_a_row_is_collected_with_its_field_after_the_importers_own() {
        RowReader.Reading r = read(InvitationRow.builder(9)
                .problem("groups", "the cell holds a formula")
                .set(RowField.EMAIL, "not-an-address")
                .set(RowField.FIRST_NAME, "Jane\nDoe")
                .set(RowField.LAST_NAME, "n".repeat(101))
                .set(RowField.MEMBERSHIP_TYPE, "boss")
                .set(RowField.LANGUAGE, "??")
                .set(RowField.ROLE, "Role\twith tab")
                .set(RowField.MESSAGE, "m".repeat(2001)));

        assertThat(r.request()).isNull();
        assertThat(fields(r)).containsExactlyInAnyOrder("groups", "email", "first name", "last name", "role", "membership",
                "language", "message");
        assertThat(r.problems().get(0).field()).as("the importer's problems come first").isEqualTo("groups");
    }

    @Test
    void long_cell_text_is_shortened_in_messages() {
        RowReader.Reading r = read(row("jane@example.com").set(RowField.LANGUAGE, "x".repeat(500)));

        assertThat(r.problems().get(0).message()).hasSizeLessThan(200).contains("…");
    }
}
