package dev.quarry.spl.macro;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Macros by name and arity. Later definitions replace earlier ones, so user content can override ESCU's. */
public final class MacroLibrary {
    private final Map<String, Macro> macros = new HashMap<>();

    public MacroLibrary() {
    }

    public MacroLibrary(MacroLibrary base) {
        macros.putAll(base.macros);
    }

    public void add(Macro macro) {
        macros.put(macro.key(), macro);
    }

    public Optional<Macro> find(String name, int arity) {
        return Optional.ofNullable(macros.get(Macro.key(name, arity)));
    }

    public boolean contains(String name, int arity) {
        return macros.containsKey(Macro.key(name, arity));
    }

    public Collection<Macro> all() {
        return macros.values();
    }

    public int size() {
        return macros.size();
    }
}
