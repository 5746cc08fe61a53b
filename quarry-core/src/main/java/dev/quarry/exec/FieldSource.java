package dev.quarry.exec;

/** Anything whose fields a predicate or expression can read: a result row, or an event seen through a dataset. */
public interface FieldSource {
    /** Returns the value of a field, or null when it is absent. Names are case-sensitive. */
    Value get(String name);
}
