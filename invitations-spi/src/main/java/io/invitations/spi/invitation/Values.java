package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;

import java.util.Map;
import java.util.Set;

/**
 * Argument checks shared by the value types of this package. Every refusal is the library's typed
 * {@link InvitationException} with {@link io.invitations.spi.ErrorCode#INVALID_REQUEST}, naming the
 * field and what a good value looks like.
 */
final class Values {
    private Values() {
    }

    static String requireText(String value, String name, int maxLength) {
        if (value == null) {
            throw InvitationException.invalidValue(name + " must be set: give 1 to " + maxLength + " characters");
        }
        if (value.isBlank()) {
            throw InvitationException.invalidValue(name + " must not be blank: give 1 to " + maxLength
                    + " characters");
        }
        if (value.length() > maxLength) {
            throw InvitationException.invalidValue(name + " has " + value.length()
                    + " characters; at most " + maxLength + " are allowed: shorten it");
        }
        return value;
    }

    static <T> T require(T value, String name) {
        return InvitationException.requireValue(value, name);
    }

    /** Copies a set, refusing a missing set or a missing element. */
    static <T> Set<T> copyOf(Set<T> values, String name) {
        require(values, name);
        for (T value : values) {
            if (value == null) {
                throw InvitationException.invalidValue(name + " must not hold a missing element: remove it");
            }
        }
        return Set.copyOf(values);
    }

    /** Copies a map, refusing a missing map or a missing key or value. */
    static <K, V> Map<K, V> copyOf(Map<K, V> values, String name) {
        require(values, name);
        for (Map.Entry<K, V> e : values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw InvitationException.invalidValue(name + " must not hold a missing key or value, found "
                        + e.getKey() + " -> " + (e.getValue() == null ? "null" : "a value") + ": remove the entry");
            }
        }
        return Map.copyOf(values);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
