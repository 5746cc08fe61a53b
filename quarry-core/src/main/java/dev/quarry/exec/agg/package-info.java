/**
 * Statistical functions of {@code stats}, {@code tstats} and {@code eventstats}: each is a small class with
 * explicit, serializable state, so that a streaming runtime can keep it per group key.
 */
package dev.quarry.exec.agg;
