package io.invitations.icu;

import io.invitations.core.InvalidRequestException;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The seven look-alikes of issue 13 against an invited address, with ICU4J's TR 39 skeletons: none
 * is accepted as a new person. Before the hardening all seven were.
 */
@DisplayName("Look-alike contacts with ICU4J")
class IcuLookAlikesTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);

    private final InvitationService service = InvitationService.builder().contactSkeleton(IcuContactSkeleton.create())
            .deliveryMode(DeliveryMode.HOST_DRIVEN).build();

    private InviteRequest request(String email) {
        return InviteRequest.builder().email(email).role("member").build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero-width space|jane\u200B.doe@example.com|INVALID_REQUEST",
            "soft hyphen|jane\u00AD.doe@example.com|INVALID_REQUEST",
            "full-width letters|ｊａｎｅ.ｄｏｅ@example.com|ALREADY_INVITED",
            "Cyrillic homoglyphs|j\u0430n\u0435.d\u043E\u0435@example.com|CONTACT_CONFUSABLE",
            "right-to-left override|\u202Ejane.doe@example.com|INVALID_REQUEST",
            "Greek omicron|jane.d\u03BFe@example.com|CONTACT_CONFUSABLE",
            "Cyrillic in the domain|jane.doe@\u0435xample.com|CONTACT_CONFUSABLE"})
    void none_of_the_seven_look_alikes_is_accepted_as_a_new_person(String what, String email, ErrorCode expected) {
        service.administration(ADMIN, ACME).invite(request("jane.doe@example.com"));

        InvitationException e = catchThrowableOfType(InvitationException.class, () -> service.administration(ADMIN, ACME).invite(request(email)));

        assertThat(e).as(what).isNotNull();
        assertThat(e.code()).isEqualTo(expected);
        if (expected == ErrorCode.CONTACT_CONFUSABLE) {
            assertThat(e).isInstanceOf(PolicyViolationException.class);
        } else if (expected == ErrorCode.INVALID_REQUEST) {
            assertThat(((InvalidRequestException) e).problems()).anySatisfy(p -> assertThat(p.message())
                    .containsPattern("U\\+[0-9A-F]{4}"));
        }
    }

    @Test
    void a_cyrillic_copy_of_an_identifier_is_refused_too() {
        service.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.of("badge"), "ABC-1")
                .role("member").build());

        InvitationException e = catchThrowableOfType(InvitationException.class, () -> service.administration(ADMIN, ACME).invite(
                InviteRequest.builder().identifier(IdentifierKind.of("badge"), "\u0410BC-1")
                        .role("member").build()));

        assertThat(e.code()).isEqualTo(ErrorCode.CONTACT_CONFUSABLE);
    }

    @Test
    void different_people_are_not_look_alikes() {
        IcuContactSkeleton skeleton = IcuContactSkeleton.create();

        assertThat(skeleton.skeleton("j\u0430ne")).isEqualTo(skeleton.skeleton("jane"));
        assertThat(skeleton.skeleton("joan")).isNotEqualTo(skeleton.skeleton("jane"));
        assertThat(skeleton.skeleton("Jos\u00E9")).isNotEqualTo(skeleton.skeleton("Jose"));
    }
}
