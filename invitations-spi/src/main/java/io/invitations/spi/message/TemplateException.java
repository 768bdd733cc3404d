package io.invitations.spi.message;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;

import java.util.List;
import java.util.Set;

/**
 * Thrown when a message template is refused: it uses a placeholder that does not exist, or its
 * sections are not balanced. Carries every problem found, not only the first, and the names that
 * are allowed. Code {@link ErrorCode#TEMPLATE_INVALID}.
 *
 * @since 0.1.0
 */
public class TemplateException extends InvitationException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final Set<String> unknownPlaceholders;

    /**
     * Creates the exception.
     *
     * @param problems            every problem, each naming the part (subject, html, text) and line
     * @param unknownPlaceholders the names used that are not placeholders, possibly empty
     */
    public TemplateException(List<String> problems, Set<String> unknownPlaceholders) {
        super(ErrorCode.TEMPLATE_INVALID, "the message template has " + problems.size()
                + (problems.size() == 1 ? " problem: " : " problems: ") + String.join("; ", problems)
                + ". Known placeholders: {{" + String.join("}}, {{", Placeholder.keys()) + "}}");
        this.problems = List.copyOf(problems);
        this.unknownPlaceholders = Set.copyOf(unknownPlaceholders);
    }

    /**
     * Every problem found, each naming the part and line.
     *
     * @return the problems, never empty
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * The names used in the template that are not placeholders.
     *
     * @return the unknown names, possibly empty
     */
    public Set<String> unknownPlaceholders() {
        return unknownPlaceholders;
    }

    /**
     * The names a template may use.
     *
     * @return the known placeholder names
     */
    public List<String> knownPlaceholders() {
        return Placeholder.keys();
    }
}
