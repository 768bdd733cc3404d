package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a request fails validation. Lists every problem at once, each naming its field.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class InvalidRequestException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** Every problem found, ordered by field. */
    private final List<FieldProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found, not empty
     */
    public InvalidRequestException(List<FieldProblem> problems) {
        super(ErrorCode.INVALID_REQUEST, "the request is invalid — "
                + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem, ordered by field.
     *
     * @return the problems
     */
    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * Returns the names of the fields that have a problem.
     *
     * @return the fields, in the order of {@link #problems()}, without repeats
     */
    public List<String> fields() {
        return problems.stream().map(FieldProblem::field).distinct().toList();
    }
}
