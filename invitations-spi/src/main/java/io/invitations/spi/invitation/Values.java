package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;

import java.util.Objects;

/** Argument checks shared by the value types of this package. */
final class Values {
    private Values() {
    }

    static String requireText(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " has " + value.length()
                    + " characters; at most " + maxLength + " are allowed");
        }
        return value;
    }

    /** Like {@link #requireText} but refuses with the library's typed exception (INVALID_REQUEST). */
    static String requireTextValue(String value, String name, int maxLength) {
        try {
            return requireText(value, name, maxLength);
        } catch (NullPointerException e) {
            throw InvitationException.invalidValue(name + " must be set");
        } catch (IllegalArgumentException e) {
            throw InvitationException.invalidValue(e.getMessage());
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
