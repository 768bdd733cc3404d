package io.invitations.core;

import io.invitations.core.invitee.ContactSkeleton;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.settings.LookAlikePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 5: contacts are NFKC-normalised, invisible and bidi control characters are refused
 * naming the field and the code point, and a contact whose skeleton equals an existing invitee's is
 * refused or flagged per tenant. The Cyrillic and Greek homoglyphs need TR 39 data: core's default
 * skeleton folds case and compatibility forms only, so here a tiny test skeleton stands in for ICU
 * (the {@code invitations-icu} module runs the seven look-alikes with ICU4J itself).
 */
@DisplayName("Contact normalisation against look-alikes")
class LookAlikeContactsTest {
    private static final String JANE = "jane.doe@example.com";

    private final Fixture f = new Fixture();

    @BeforeEach
    void janeIsInvited() {
        f.invite(JANE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero-width space|jane\u200B.doe@example.com|U+200B",
            "soft hyphen|jane\u00AD.doe@example.com|U+00AD",
            "zero-width joiner|ja\u200Dne.doe@example.com|U+200D",
            "right-to-left override|\u202Ejane.doe@example.com|U+202E",
            "byte-order mark|jane.doe\uFEFF@example.com|U+FEFF",
            "left-to-right mark in the domain|jane.doe@exa\u200Emple.com|U+200E"})
    void an_invisible_or_bidi_character_is_refused_naming_the_field_and_code_point(String what, String email,
                                                                                     String codePoint) {
        InvitationException e = refused(() -> f.invite(email));

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) e).problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("email");
            assertThat(p.message()).contains(codePoint).contains("invisible or direction-changing");
        });
        assertThat(f.store.count(io.invitations.spi.storage.InvitationQuery.builder(ACME).build())).isEqualTo(1);
    }

    @Test
    void full_width_letters_are_normalised_and_found_to_be_the_same_person() {
        InvitationException e = refused(() -> f.invite("ｊａｎｅ.ｄｏｅ＠ｅｘａｍｐｌｅ.ｃｏｍ"));

        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED);
    }

    @Test
    void an_invisible_copy_of_a_member_is_refused_before_anything_is_stored() {
        f.directory.addMember(ACME, new EmailAddress("max@example.com"));

        InvitationException e = refused(() -> f.invite("max\u2060@example.com"));

        assertThat(e.getMessage()).contains("email").contains("U+2060");
    }

    @Test
    void identifiers_get_the_same_treatment() {
        f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.of("badge"), "EMP-1")
                .role("member").build());

        InvitationException hidden = refused(() -> f.service.administration(ADMIN, ACME).invite(InviteRequest.builder()
                .identifier(IdentifierKind.of("badge"), "EMP\u200B-1").role("member").build()));
        InvitationException wide = refused(() -> f.service.administration(ADMIN, ACME).invite(InviteRequest.builder()
                .identifier(IdentifierKind.of("badge"), "ＥＭＰ-1").role("member").build()));

        assertThat(((InvalidRequestException) hidden).problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("identifier");
            assertThat(p.message()).contains("U+200B");
        });
        assertThat(wide.code()).isEqualTo(ErrorCode.ALREADY_INVITED);
    }

    @Test
    void the_default_skeleton_folds_compatibility_forms_and_case() {
        ContactSkeleton folded = ContactSkeleton.caseFolded();

        assertThat(folded.skeleton("ＪＡＮＥ")).isEqualTo(folded.skeleton("jane"));
        assertThat(ContactText.unsafe(0x00AD)).isTrue();
        assertThat(ContactText.unsafe('a')).isFalse();
    }

    /** A test stand-in for TR 39: maps the Cyrillic and Greek letters used below to Latin. */
    private static final ContactSkeleton HOMOGLYPHS = text -> Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(java.util.Locale.ROOT).replace('\u0430', 'a').replace('\u0435', 'e').replace('\u03BF', 'o');

    private Fixture withSkeleton(LookAlikePolicy policy) {
        Fixture g = new Fixture(HOMOGLYPHS);
        g.configure(s -> s.lookAlikes(policy));
        g.invite(JANE);
        return g;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Cyrillic a|j\u0430ne.doe@example.com",
            "Cyrillic e|jane.do\u0435@example.com",
            "Greek omicron|jane.d\u03BFe@example.com",
            "Cyrillic a in the domain, stored as punycode|jane.doe@ex\u0430mple.com"})
    void a_homoglyph_of_an_invitee_is_refused_by_default(String what, String email) {
        Fixture g = withSkeleton(LookAlikePolicy.REFUSE);

        InvitationException e = refused(() -> g.invite(email));

        assertThat(e).isInstanceOf(PolicyViolationException.class);
        assertThat(((PolicyViolationException) e).refusals()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.CONTACT_CONFUSABLE);
            assertThat(r.field()).isEqualTo("email");
            assertThat(r.message()).doesNotContain(JANE).doesNotContain("inv-1");
        });
    }

    @Test
    void a_tenant_that_flags_look_alikes_accepts_them_with_a_note_in_the_history() {
        Fixture g = withSkeleton(LookAlikePolicy.FLAG);

        Invitation flagged = g.invite("j\u0430ne.doe@example.com");

        List<HistoryEntry> history = g.service.administration(ADMIN, ACME).history(flagged.id());
        assertThat(history).anySatisfy(h -> assertThat(h.reason()).contains("look-alike"));
    }

    @Test
    void a_homoglyph_in_a_bulk_row_is_denied_on_that_row_only() {
        Fixture g = withSkeleton(LookAlikePolicy.REFUSE);

        var report = g.service.administration(ADMIN, ACME).bulk(io.invitations.core.bulk.BulkRequest.builder(List.of(
                        io.invitations.core.bulk.InvitationRow.builder(2)
                                .set(io.invitations.core.bulk.RowField.EMAIL, "j\u0430ne.doe@example.com").build(),
                        io.invitations.core.bulk.InvitationRow.builder(3)
                                .set(io.invitations.core.bulk.RowField.EMAIL, "max@example.com").build()))
                .defaultRole("member").build());

        assertThat(report.lines().get(0).reasons()).anySatisfy(p -> assertThat(p.code())
                .isEqualTo(ErrorCode.CONTACT_CONFUSABLE));
        assertThat(report.lines().get(1).invitationId()).isNotNull();
    }
}
