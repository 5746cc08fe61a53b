package dev.quarry.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * A location path of {@code spath}: steps separated by dots, each a name followed by any number of selectors in
 * braces. {@code {}} selects every element of a JSON array (or every matching XML element), {@code {N}} the Nth,
 * counting from 1, and {@code {@name}} an XML attribute, which ends the path. An empty name applies the selectors
 * to the current value, so {@code {}} alone selects the elements of a top-level JSON array.
 *
 * <p>Example: {@code data.protoPayload.serviceData.policyDelta.bindingDeltas{}.role}.
 */
public record SpathPath(String text, List<Step> steps) {
    /** One step: a name and its selectors in order. */
    public record Step(String name, List<Selector> selectors) {
    }

    /** A selector in braces. */
    public sealed interface Selector permits All, Index, Attribute {
    }

    /** {@code {}}: every element. */
    public record All() implements Selector {
    }

    /** {@code {N}}: the Nth element, counting from 1. */
    public record Index(int position) implements Selector {
    }

    /** {@code {@name}}: an XML attribute. */
    public record Attribute(String name) implements Selector {
    }

    public SpathPath {
        steps = List.copyOf(steps);
    }

    /** Parses a path; throws {@link IllegalArgumentException} saying what is wrong. */
    public static SpathPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        List<Selector> selectors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("path [" + text + "] has an unclosed {");
                }
                selectors.add(selector(text.substring(i + 1, close), text));
                i = close + 1;
            } else if (c == '.') {
                addStep(steps, name, selectors, text);
                i++;
            } else {
                if (!selectors.isEmpty()) {
                    throw new IllegalArgumentException("path [" + text + "]: expected '.' after '}'");
                }
                name.append(c);
                i++;
            }
        }
        addStep(steps, name, selectors, text);
        for (int s = 0; s < steps.size() - 1; s++) {
            for (Selector sel : steps.get(s).selectors()) {
                if (sel instanceof Attribute) {
                    throw new IllegalArgumentException("path [" + text + "]: an attribute {@...} must end the path");
                }
            }
        }
        return new SpathPath(text, steps);
    }

    private static void addStep(List<Step> steps, StringBuilder name, List<Selector> selectors, String text) {
        if (name.length() == 0 && selectors.isEmpty()) {
            throw new IllegalArgumentException("path [" + text + "] has an empty step");
        }
        steps.add(new Step(name.toString(), List.copyOf(selectors)));
        name.setLength(0);
        selectors.clear();
    }

    private static Selector selector(String inside, String text) {
        if (inside.isEmpty()) {
            return new All();
        }
        if (inside.startsWith("@") && inside.length() > 1) {
            return new Attribute(inside.substring(1));
        }
        if (inside.chars().allMatch(ch -> ch >= '0' && ch <= '9') && inside.length() < 10) {
            int n = Integer.parseInt(inside);
            if (n >= 1) {
                return new Index(n);
            }
        }
        throw new IllegalArgumentException("path [" + text + "]: invalid selector {" + inside
                + "}; expected {}, a position from 1 such as {1}, or an attribute such as {@Name}");
    }
}
