package io.invitations.spi.settings;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;

import java.util.List;

/**
 * Thrown when tenant settings are built with values that cannot work (a negative limit, a claim URL
 * template without {@code {token}}, ...). Lists every problem at once.
 *
 * @since 0.1.0
 */
public class InvalidSettingsException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** Every problem found, each naming the setting. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found, each naming the setting; not empty
     */
    public InvalidSettingsException(List<String> problems) {
        super(ErrorCode.CONFIGURATION, "tenant settings are invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem found.
     *
     * @return the problems, each naming the setting
     */
    public List<String> problems() {
        return problems;
    }
}
