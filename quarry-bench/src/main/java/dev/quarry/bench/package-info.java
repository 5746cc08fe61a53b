/**
 * Measuring tools for Quarry: {@link dev.quarry.bench.DuckDbBench} runs the same detections as SQL in DuckDB
 * for comparison, {@link dev.quarry.bench.HotMethods} lists where a JDK Flight Recorder profile spent its
 * time, and {@code dev.quarry.bench.jmh} contains the JMH micro-benchmarks. {@code bench/run.sh} and
 * {@code bench/jmh.sh} run them; the test suite never does.
 */
package dev.quarry.bench;
