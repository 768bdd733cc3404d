package io.invitations.core.internal;

import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.NoValidationProviderException;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidationProviderResolver;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Validates requests with a Jakarta Validation {@link Validator} and turns violations into
 * {@link FieldProblem}s (never with the rejected value). Thread-safe.
 *
 * <p>The default validator comes from whichever provider {@link Validation} finds. When that is
 * Hibernate Validator, messages are interpolated by its {@code ParameterMessageInterpolator}, which
 * needs no Expression Language implementation; it is loaded by name so that this module never
 * compiles against a provider.
 */
public final class RequestValidator {
    /** The EL-free interpolator of Hibernate Validator, used when it is on the class path. */
    static final String PARAMETER_INTERPOLATOR =
            "org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator";

    private final Validator validator;

    private RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * Validates with a host's validator.
     *
     * @param validator the validator, not {@code null}
     * @return the request validator
     */
    public static RequestValidator using(Validator validator) {
        return new RequestValidator(Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Validates with the default provider found on the class path.
     *
     * @return the request validator
     * @throws NoValidationProviderException if no Jakarta Validation provider is on the class path
     */
    public static RequestValidator byDefaultProvider() {
        return byDefaultProvider(null);
    }

    /**
     * Validates with the default provider a resolver finds (tests pass one that finds none).
     *
     * @param resolver the provider resolver, or {@code null} for Jakarta Validation's own
     * @return the request validator
     * @throws NoValidationProviderException if the resolver finds no provider
     */
    static RequestValidator byDefaultProvider(ValidationProviderResolver resolver) {
        Configuration<?> config;
        try {
            config = resolver == null ? Validation.byDefaultProvider().configure()
                    : Validation.byDefaultProvider().providerResolver(resolver).configure();
        } catch (ValidationException e) {
            throw new NoValidationProviderException(e);
        }
        MessageInterpolator elFree = parameterInterpolator();
        if (elFree != null) {
            config.messageInterpolator(elFree);
        }
        return new RequestValidator(config.buildValidatorFactory().getValidator());
    }

    /** Hibernate Validator's EL-free interpolator, or {@code null} when Hibernate Validator is absent. */
    private static MessageInterpolator parameterInterpolator() {
        try {
            Class<?> type = Class.forName(PARAMETER_INTERPOLATOR, true, RequestValidator.class.getClassLoader());
            return (MessageInterpolator) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * Returns every constraint violation of a request as field problems, sorted by field.
     *
     * @param request the request, not {@code null}
     * @return the problems, possibly empty
     */
    public List<FieldProblem> problems(Object request) {
        List<FieldProblem> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(request)) {
            out.add(new FieldProblem(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        out.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return out;
    }

    /**
     * Throws when a request has any constraint violation.
     *
     * @param request the request, not {@code null}
     * @throws InvalidRequestException listing every problem, if any
     */
    public void check(Object request) {
        throwIfAny(problems(request));
    }

    /**
     * Throws when there is any problem.
     *
     * @param problems the problems, possibly empty
     * @throws InvalidRequestException listing all of them, if any
     */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            List<FieldProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
            throw new InvalidRequestException(sorted);
        }
    }

    /** Names a field by its property, with {@code []} for container elements (keys, values, items). */
    private static String fieldOf(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() == null || node.getName().startsWith("<")) {
                sb.append("[]");
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.length() == 0 ? "request" : sb.toString();
    }
}
