package dev.quarry.evtx.binxml;

import java.util.List;

/**
 * Parsed BinXML before substitution: the body of a template definition, or the tokens of a
 * record or of a BinXML substitution value. Names and literal text are already resolved, so a
 * cached template is expanded without touching its bytes again.
 */
sealed interface Markup {

    /** An element with its attributes and content, as written in the BinXML. */
    record Element(String name, List<Attribute> attributes, List<Markup> children)
            implements Markup {
    }

    /** An attribute whose value is the concatenation of its parts (literal text or substitutions). */
    record Attribute(String name, List<Markup> parts) {
    }

    /** Literal character data: a value text token, a character reference or an entity reference. */
    record Text(String value) implements Markup {
    }

    /**
     * A placeholder for value {@code index} of the enclosing template instance. An optional
     * substitution differs from a normal one only in how Windows writes it; both expand the same.
     */
    record Substitution(int index, int declaredType, boolean optional, int chunkOffset)
            implements Markup {
    }

    /** A CDATA section. */
    record CData(String value) implements Markup {
    }

    /** A processing instruction: PI target token plus PI data token. */
    record Instruction(String target, String data) implements Markup {
    }

    /** A template instance: a cached definition plus the values that fill its substitutions. */
    record TemplateInstance(Template template, InstanceValues values) implements Markup {
    }
}
