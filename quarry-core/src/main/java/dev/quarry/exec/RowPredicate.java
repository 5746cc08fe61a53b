package dev.quarry.exec;

/** A compiled filter over the fields of a row or event. */
@FunctionalInterface
public interface RowPredicate {
    boolean test(FieldSource fields);

    RowPredicate ALWAYS = fields -> true;
}
