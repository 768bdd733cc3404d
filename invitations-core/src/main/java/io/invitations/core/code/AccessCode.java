package io.invitations.core.code;

import org.apiguardian.api.API;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * A human access code: {@value #LENGTH} symbols of the {@value #ALPHABET} alphabet (Crockford's
 * base 32: no I, L, O or U), which carries {@value #BITS} bits. People read it in two groups,
 * {@code ABCDE-FGHJK}; what they type back is normalised by {@link #parse(CharSequence)}.
 *
 * <p>A code is a secret: {@link #toString()} never shows it, and the library never stores or logs
 * it. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class AccessCode {
    /** The symbols a code is made of, in the order of their 5-bit values. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** How many symbols a code has. */
    public static final int LENGTH = 10;
    /** How many bits of entropy a code carries: {@value #LENGTH} symbols of 5 bits. */
    public static final int BITS = 50;

    /** Longer input is refused before it is looked at: nobody types 64 characters for a 10-symbol code. */
    private static final int MAX_INPUT = 64;
    private static final int GROUP = LENGTH / 2;

    private final String value;

    private AccessCode(String value) {
        this.value = value;
    }

    /**
     * Reads a code as a person typed it: case is ignored; spaces and dashes are dropped; the look-alike
     * letters {@code O} (read as zero) and {@code I}, {@code L} (read as one) are mapped.
     *
     * @param entered what was typed, may be {@code null}
     * @return the code, or empty when the input cannot be a code (wrong length, a symbol outside the
     *         alphabet, {@code null})
     */
    public static Optional<AccessCode> parse(CharSequence entered) {
        if (entered == null || entered.length() > MAX_INPUT) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (int i = 0; i < entered.length(); i++) {
            char c = entered.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char symbol = canonicalSymbol(c);
            if (symbol == 0 || canonical.length() == LENGTH) {
                return Optional.empty();
            }
            canonical.append(symbol);
        }
        return canonical.length() == LENGTH ? Optional.of(new AccessCode(canonical.toString())) : Optional.empty();
    }

    private static char canonicalSymbol(char c) {
        char upper = Character.toUpperCase(c);
        switch (upper) {
            case 'O':
                return '0';
            case 'I':
            case 'L':
                return '1';
            default:
                return upper < 128 && ALPHABET.indexOf(upper) >= 0 ? upper : 0;
        }
    }

    /**
     * Returns the canonical symbols, without separator. Show it only to who may see it.
     *
     * @return the {@value #LENGTH} symbols
     */
    public String value() {
        return value;
    }

    /**
     * Returns the code as people read it: two groups of five joined by a dash, e.g. {@code ABCDE-FGHJK}.
     *
     * @return the formatted code
     */
    public String formatted() {
        return value.substring(0, GROUP) + "-" + value.substring(GROUP);
    }

    /**
     * Compares with another code in constant time.
     *
     * @param other the other code, not {@code null}
     * @return {@code true} when both have the same symbols
     */
    public boolean matches(AccessCode other) {
        Objects.requireNonNull(other, "other");
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                other.value.getBytes(StandardCharsets.US_ASCII));
    }

    /** Equal when {@link #matches(AccessCode)}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccessCode other && matches(other);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never shows the code. */
    @Override
    public String toString() {
        return "AccessCode[hidden]";
    }
}
