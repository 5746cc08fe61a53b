package dev.quarry.spl.macro;

import java.util.List;

/**
 * A search macro: {@code name} with named {@code arguments} (none for most macros) and a {@code definition}
 * in which each {@code $argument$} is replaced by the call's text. {@code origin} says where it was defined,
 * for messages.
 */
public record Macro(String name, List<String> arguments, String definition, String origin) {
    public Macro {
        arguments = List.copyOf(arguments);
    }

    /** The lookup key: Splunk tells macros apart by name and number of arguments, as in {@code name(2)}. */
    public String key() {
        return key(name, arguments.size());
    }

    public static String key(String name, int arity) {
        return arity == 0 ? name : name + "(" + arity + ")";
    }
}
