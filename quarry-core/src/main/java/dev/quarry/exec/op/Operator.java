package dev.quarry.exec.op;

import dev.quarry.exec.Row;

/**
 * One stage of a pipeline. {@link #push} hands over a row, which the operator then owns; {@link #finish} marks the
 * end of input, after which blocking operators (statistics, sorting) emit their rows and every operator finishes
 * the next one.
 */
public interface Operator {
    void push(Row row);

    void finish();

    /**
     * Returns how many rows, groups and distinct keys this operator keeps until its input ends or for a window. This
     * is the state that grows with the input, which its {@link Limits} bound. Run summaries report it, and streaming
     * operators keep nothing.
     */
    default long held() {
        return 0;
    }
}
