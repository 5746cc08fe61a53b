/**
 * Execution: field values and rows, the search-language matcher, the eval interpreter, aggregation state, and
 * the operators that run a planned pipeline one row at a time.
 */
package dev.quarry.exec;
