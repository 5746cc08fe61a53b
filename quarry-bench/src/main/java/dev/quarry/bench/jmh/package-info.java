/**
 * JMH micro-benchmarks of Quarry's hot path: reading JSON lines and event XML, CIM normalization,
 * search-language predicates and grouped aggregation. {@code bench/jmh.sh} prepares their input files from
 * real recordings and runs them; each benchmark names its input with a {@code @Param}.
 */
package dev.quarry.bench.jmh;
