package io.invitations.benchmarks.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * A small bean shaped like the text fields of an invite request, with the same kind of
 * constraints: the "validation" primitive that creating an invitation is compared with.
 *
 * @param email           the address
 * @param firstName       the first name
 * @param lastName        the last name
 * @param role            the role
 * @param groups          the groups
 * @param personalMessage the personal message
 */
public record InviteForm(
        @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @NotBlank @Size(max = 128) String role,
        @NotNull @Size(max = 100) Set<@NotBlank @Size(max = 128) String> groups,
        @Size(max = 2000) String personalMessage) {
}
