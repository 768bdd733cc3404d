package io.invitations.core.invitee;

import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Invitee emails are normalised and names inferred")
class InviteesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Jane.Doe@Example.COM|Jane.Doe@example.com",
            "  jane@example.com  |jane@example.com",
            "jörg@Bücher.DE|jörg@xn--bcher-kva.de",
            "user@ÉCOLE.fr|user@xn--cole-9oa.fr",
            "a@b@Example.com|a@b@example.com"})
    void the_domain_becomes_lower_case_ascii_and_the_local_part_is_kept(String raw, String normal) {
        assertThat(Invitees.normalizeEmail(raw)).contains(normal);
    }

    @Test
    void text_without_a_usable_domain_has_no_normal_form() {
        assertThat(Invitees.normalizeEmail("no-at-sign")).isEmpty();
        assertThat(Invitees.normalizeEmail("trailing@")).isEmpty();
        assertThat(Invitees.normalizeEmail(null)).isEmpty();
        assertThat(Invitees.normalizeEmail("x@" + "a".repeat(70) + ".com")).as("label over 63").isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "jane.doe-smith|Jane Doe-Smith",
            "jane.doe|Jane Doe",
            "JOHN_SMITH42|John Smith",
            "max+newsletter|Max",
            "o.brien|O Brien",
            "1234|1234",
            "anne-marie.dupont|Anne-Marie Dupont"})
    void a_display_name_is_guessed_from_the_local_part(String local, String name) {
        assertThat(Invitees.nameFromLocalPart(local)).isEqualTo(name);
    }

    @Test
    void given_names_win_over_the_guess_and_identifiers_without_names_have_none() {
        assertThat(Invitees.displayName("Ada", null, EmailAddress.of("x@example.com"))).isEqualTo("Ada");
        assertThat(Invitees.displayName(null, null, EmailAddress.of("ada.lovelace@example.com")))
                .isEqualTo("Ada Lovelace");
        assertThat(Invitees.displayName(null, null, Identifier.of(IdentifierKind.PHONE, "+33 1 23"))).isNull();
    }
}
