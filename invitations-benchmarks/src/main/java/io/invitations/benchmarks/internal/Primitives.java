package io.invitations.benchmarks.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The primitive operations that the engine's costs are judged against, each done the cheapest
 * sensible way: one HMAC-SHA256 on a {@link Mac} keyed once, one insert into a {@link HashMap}, one
 * Hibernate Validator {@code validate} of an {@link InviteForm} (configured as the engine configures
 * it: no Expression Language). Not thread-safe: one instance per benchmark thread.
 */
public final class Primitives {
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final Mac mac;
    private final Map<String, Object> map = new HashMap<>();
    private long sequence;

    /**
     * Keys the MAC.
     *
     * @param key the HMAC key, at least 32 bytes
     * @throws IllegalStateException if the JDK has no HmacSHA256
     */
    public Primitives(byte[] key) {
        mac = keyedMac(key);
    }

    /**
     * Computes one HMAC-SHA256 over a message the size of a token's claims (tenant, invitation id,
     * version).
     *
     * @param sequence makes each message different
     * @return the 32-byte MAC
     */
    public byte[] hmac(long sequence) {
        return mac.doFinal(message(sequence));
    }

    /**
     * Computes one HMAC-SHA256 over the same message as {@link #hmac(long)}, but first gets a new
     * {@link Mac} and keys it, as code that keeps no {@code Mac} between calls does.
     *
     * @param key      the HMAC key, at least 32 bytes
     * @param sequence makes each message different
     * @return the 32-byte MAC
     * @throws IllegalStateException if the JDK has no HmacSHA256
     */
    public static byte[] hmacWithFreshMac(byte[] key, long sequence) {
        return keyedMac(key).doFinal(message(sequence));
    }

    /**
     * Does what creating one invitation cannot avoid: validates a form, computes one HMAC and inserts
     * one entry into a map.
     *
     * @param form the form to validate, valid
     * @return the violations, empty for a valid form (returned so the work is not dropped)
     */
    public Set<ConstraintViolation<InviteForm>> validateSignAndInsert(InviteForm form) {
        Set<ConstraintViolation<InviteForm>> violations = VALIDATOR.validate(form);
        long n = sequence++;
        map.put("inv-" + n, hmac(n));
        return violations;
    }

    /**
     * Tells how many entries were inserted since this instance was made.
     *
     * @return the map's size
     */
    public int inserted() {
        return map.size();
    }

    private static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] message(long sequence) {
        return ("tenant-0001|inv-" + sequence + "|1").getBytes(StandardCharsets.UTF_8);
    }
}
