package dev.quarry.exec;

/** A compiled eval expression. Returns null for a null result (absent field, failed conversion, no case taken). */
@FunctionalInterface
public interface Evaluator {
    Value eval(FieldSource fields);
}
