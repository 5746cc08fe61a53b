/**
 * Pipeline operators: each receives rows one at a time through {@link dev.quarry.exec.op.Operator#push} and
 * passes results to the next operator, so that the same operators can run in one process or be hosted by a
 * streaming runtime. Operators that aggregate keep their state per group key in plain, serializable objects.
 */
package dev.quarry.exec.op;
