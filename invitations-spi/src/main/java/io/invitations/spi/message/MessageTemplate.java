package io.invitations.spi.message;

import io.invitations.spi.InvitationException;
import io.invitations.spi.message.TemplateSyntax.Node;
import io.invitations.spi.message.TemplateSyntax.Parsed;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A validated message template: a one-line subject, an HTML body and a plain-text body written with
 * {@linkplain Placeholder named placeholders}. Creating one checks all three parts and refuses
 * unknown placeholders and unbalanced sections with a {@link TemplateException} listing every
 * problem, so a template that exists can always be rendered. The secret placeholders
 * {@code {{claimUrl}}} (which carries the claim token) and {@code {{accessCode}}} may appear in the
 * two bodies only, never in the subject: a subject is shown in mail lists, logs and
 * {@code MailMessage.toString()}.
 *
 * <p>Example: {@code MessageTemplate.of("{{inviterName}} invites you to {{tenantName}}",
 * "<p>{{#personalMessage}}{{personalMessage}}{{/personalMessage}}</p><a href=\"{{claimUrl}}\">Join</a>",
 * "Join: {{claimUrl}}")}.
 *
 * <p>Immutable and thread-safe. Equal when the three texts are equal.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class MessageTemplate {
    /** The most characters one part may have. */
    public static final int MAX_LENGTH = 100_000;

    private static final Set<String> KNOWN = Set.copyOf(Placeholder.keys());
    /** The placeholders whose values are secrets: allowed in the bodies only. */
    private static final Set<String> SECRET = Set.of(Placeholder.CLAIM_URL.key(), Placeholder.ACCESS_CODE.key());

    private final String subject;
    private final String html;
    private final String text;
    private final List<Node> subjectNodes;
    private final List<Node> htmlNodes;
    private final List<Node> textNodes;

    private MessageTemplate(String subject, String html, String text, List<Node> subjectNodes, List<Node> htmlNodes,
                            List<Node> textNodes) {
        this.subject = subject;
        this.html = html;
        this.text = text;
        this.subjectNodes = subjectNodes;
        this.htmlNodes = htmlNodes;
        this.textNodes = textNodes;
    }

    /**
     * Validates and creates a template.
     *
     * @param subject the subject, one line, not blank
     * @param html    the HTML body, not blank
     * @param text    the plain-text body, not blank
     * @return the template
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a part is missing
     * @throws TemplateException    listing every problem: an unknown placeholder (naming it, with
     *                              the known ones), an unbalanced section, a blank or over-long part,
     *                              a subject on several lines, a secret placeholder
 *                              ({@code {{claimUrl}}}, {@code {{accessCode}}}) in the subject
     */
    public static MessageTemplate of(String subject, String html, String text) {
        InvitationException.requireValue(subject, "subject");
        InvitationException.requireValue(html, "html");
        InvitationException.requireValue(text, "text");
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            problems.add("subject: must be one line");
        }
        Parsed s = check("subject", subject, problems, unknown);
        Set<String> secrets = new TreeSet<>();
        names(s.nodes(), secrets);
        secrets.retainAll(SECRET);
        for (String secret : secrets) {
            problems.add("subject: must not contain {{" + secret + "}}; the claim URL and the access code are"
                    + " secrets and belong in the body only (subjects are shown in mail lists, logs and previews)");
        }
        Parsed h = check("html", html, problems, unknown);
        Parsed t = check("text", text, problems, unknown);
        if (!problems.isEmpty()) {
            throw new TemplateException(problems, unknown);
        }
        return new MessageTemplate(subject, html, text, s.nodes(), h.nodes(), t.nodes());
    }

    /** Collects every placeholder name used in nodes, sections included. */
    private static void names(List<Node> nodes, Set<String> out) {
        for (Node node : nodes) {
            if (node instanceof TemplateSyntax.Value v) {
                out.add(v.name());
            } else if (node instanceof TemplateSyntax.Section sec) {
                out.add(sec.name());
                names(sec.body(), out);
            }
        }
    }

    private static Parsed check(String part, String source, List<String> problems, Set<String> unknown) {
        if (source.isBlank()) {
            problems.add(part + ": must not be blank");
        } else if (source.length() > MAX_LENGTH) {
            problems.add(part + ": has " + source.length() + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        Parsed parsed = TemplateSyntax.parse(part, source, KNOWN);
        problems.addAll(parsed.problems());
        unknown.addAll(parsed.unknown());
        return parsed;
    }

    /**
     * The subject as written.
     *
     * @return the subject template
     */
    public String subject() {
        return subject;
    }

    /**
     * The HTML body as written.
     *
     * @return the HTML template
     */
    public String html() {
        return html;
    }

    /**
     * The plain-text body as written.
     *
     * @return the text template
     */
    public String text() {
        return text;
    }

    /**
     * Renders the subject: values as given, every line break folded into a space. Used by the
     * engine's renderer; a value function returns {@code null} for an absent value.
     *
     * @param values the value of each placeholder key, not {@code null}
     * @return the rendered subject
     */
    public String renderSubject(Function<String, String> values) {
        return TemplateSyntax.render(subjectNodes, values, UnaryOperator.identity())
                .replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /**
     * Renders the HTML body with every value HTML-escaped.
     *
     * @param values the value of each placeholder key, not {@code null}
     * @return the rendered HTML
     */
    public String renderHtml(Function<String, String> values) {
        return TemplateSyntax.render(htmlNodes, values, Html::escape);
    }

    /**
     * Renders the plain-text body with every value as given.
     *
     * @param values the value of each placeholder key, not {@code null}
     * @return the rendered text
     */
    public String renderText(Function<String, String> values) {
        return TemplateSyntax.render(textNodes, values, UnaryOperator.identity());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageTemplate other && subject.equals(other.subject) && html.equals(other.html)
                && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, html, text);
    }

    @Override
    public String toString() {
        return "MessageTemplate[subject=" + subject + "]";
    }
}
