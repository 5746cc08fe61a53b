/**
 * Pipeline operators: each receives rows one at a time through {@link dev.quarry.exec.op.Operator#push} and
 * passes results to the next operator, so that the same operators can run in one process or be hosted by a
 * streaming runtime. Operators that aggregate keep their state per group key in plain, serializable objects.
 * Operators that keep rows or groups until their input ends, or for a window, report them through
 * {@link dev.quarry.exec.op.Operator#held()} and stop at the {@link dev.quarry.exec.op.Limits} the planner gives
 * them. Every other operator keeps no rows between one push and the next.
 */
package dev.quarry.exec.op;
