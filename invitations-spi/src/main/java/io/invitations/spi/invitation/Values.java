package io.invitations.spi.invitation;

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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
