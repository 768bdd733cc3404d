package io.invitations.core.internal;

import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.Path;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates requests with Hibernate Validator, interpolating messages without Expression Language,
 * and turns violations into {@link FieldProblem}s (never with the rejected value). Thread-safe.
 */
public final class RequestValidator {
    private static final Validator VALIDATOR = build();

    private RequestValidator() {
    }

    private static Validator build() {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        return factory.getValidator();
    }

    /**
     * Returns every constraint violation of a request as field problems, sorted by field.
     *
     * @param request the request, not {@code null}
     * @return the problems, possibly empty
     */
    public static List<FieldProblem> problems(Object request) {
        List<FieldProblem> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(request)) {
            out.add(new FieldProblem(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        out.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return out;
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
