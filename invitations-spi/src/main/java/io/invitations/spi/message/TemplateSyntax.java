package io.invitations.spi.message;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The placeholder syntax of message templates: {@code {{name}}} inserts a value,
 * {@code {{#name}}…{{/name}}} keeps its body only when the value is present and
 * {@code {{^name}}…{{/name}}} only when it is absent. There is no way to insert a value unescaped.
 * Not API.
 *
 * @since 0.1.0
 */
final class TemplateSyntax {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private TemplateSyntax() {
    }

    /**
     * One piece of a parsed template.
     *
     * @since 0.1.0
     */
    public sealed interface Node {
    }

    /**
     * Literal text.
     *
     * @param text the text
     * @since 0.1.0
     */
    public record Literal(String text) implements Node {
    }

    /**
     * A value to insert.
     *
     * @param name the placeholder's name
     * @since 0.1.0
     */
    public record Value(String name) implements Node {
    }

    /**
     * A conditional block.
     *
     * @param name     the placeholder it depends on
     * @param inverted {@code true} to keep the body when the value is absent
     * @param body     the body
     * @since 0.1.0
     */
    public record Section(String name, boolean inverted, List<Node> body) implements Node {
        /**
         * Copies the body.
         */
        public Section {
            body = List.copyOf(body);
        }
    }

    /**
     * The result of parsing: the nodes, and every problem found (empty when valid).
     *
     * @param nodes    the parsed template (only meaningful when there are no problems)
     * @param problems what is wrong, each naming the part and line
     * @param unknown  the names used that are not placeholders
     * @since 0.1.0
     */
    public record Parsed(List<Node> nodes, List<String> problems, Set<String> unknown) {
        /**
         * Copies the lists.
         */
        public Parsed {
            nodes = List.copyOf(nodes);
            problems = List.copyOf(problems);
            unknown = Set.copyOf(unknown);
        }
    }

    /**
     * Parses a template, collecting every problem rather than stopping at the first.
     *
     * @param part   the part's name for messages ({@code subject}, {@code html}, {@code text})
     * @param source the template text, not {@code null}
     * @param known  the placeholder names allowed
     * @return the parse result
     */
    public static Parsed parse(String part, String source, Set<String> known) {
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        Deque<List<Node>> bodies = new ArrayDeque<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> openedAt = new ArrayDeque<>();
        Deque<Boolean> inverted = new ArrayDeque<>();
        bodies.push(new ArrayList<>());
        int pos = 0;
        while (pos < source.length()) {
            int start = source.indexOf("{{", pos);
            if (start < 0) {
                bodies.peek().add(new Literal(source.substring(pos)));
                break;
            }
            if (start > pos) {
                bodies.peek().add(new Literal(source.substring(pos, start)));
            }
            int end = source.indexOf("}}", start + 2);
            if (end < 0) {
                problems.add(where(part, source, start) + "'{{' is never closed by '}}'");
                break;
            }
            String tag = source.substring(start + 2, end).strip();
            pos = end + 2;
            char sigil = tag.isEmpty() ? ' ' : tag.charAt(0);
            String name = sigil == '#' || sigil == '^' || sigil == '/' ? tag.substring(1).strip() : tag;
            if (!NAME.matcher(name).matches()) {
                problems.add(where(part, source, start) + "{{" + tag + "}} is not a placeholder; names are letters"
                        + " and digits, like {{tenantName}}");
                continue;
            }
            if (!known.contains(name)) {
                unknown.add(name);
                problems.add(where(part, source, start) + "unknown placeholder {{" + name + "}}");
            }
            switch (sigil) {
                case '#', '^' -> {
                    open.push(name);
                    openedAt.push(start);
                    inverted.push(sigil == '^');
                    bodies.push(new ArrayList<>());
                }
                case '/' -> {
                    if (open.isEmpty()) {
                        problems.add(where(part, source, start) + "{{/" + name + "}} closes no section");
                    } else if (!open.peek().equals(name)) {
                        problems.add(where(part, source, start) + "{{/" + name + "}} does not match the open section {{"
                            + (inverted.peek() ? "^" : "#") + open.peek() + "}} of line " + lineOf(source, openedAt.peek())
                            + "; close {{/" + open.peek() + "}} first");
                    } else {
                        openedAt.pop();
                        List<Node> body = bodies.pop();
                        bodies.peek().add(new Section(open.pop(), inverted.pop(), body));
                    }
                }
                default -> bodies.peek().add(new Value(name));
            }
        }
        while (!open.isEmpty()) {
            problems.add(where(part, source, openedAt.peek()) + "section {{" + (inverted.peek() ? "^" : "#") + open.peek()
                    + "}} is never closed; end it with {{/" + open.peek() + "}}");
            open.pop();
            openedAt.pop();
            inverted.pop();
            bodies.pop();
        }
        return new Parsed(bodies.peek(), problems, unknown);
    }

    private static String where(String part, String source, int index) {
        return part + " line " + lineOf(source, index) + ": ";
    }

    private static int lineOf(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Renders parsed nodes.
     *
     * @param nodes   the template
     * @param values  the value of each placeholder, {@code null} or empty when absent
     * @param escaper applied to every inserted value (HTML escaping, or identity for text)
     * @return the rendered text
     */
    public static String render(List<Node> nodes, Function<String, String> values, UnaryOperator<String> escaper) {
        StringBuilder out = new StringBuilder(512);
        render(nodes, values, escaper, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Function<String, String> values, UnaryOperator<String> escaper,
                               StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Literal l) {
                out.append(l.text());
            } else if (node instanceof Value v) {
                String value = values.apply(v.name());
                if (value != null) {
                    out.append(escaper.apply(value));
                }
            } else if (node instanceof Section s) {
                String value = values.apply(s.name());
                boolean present = value != null && !value.isEmpty();
                if (present != s.inverted()) {
                    render(s.body(), values, escaper, out);
                }
            }
        }
    }
}
