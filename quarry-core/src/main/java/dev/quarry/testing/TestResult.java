package dev.quarry.testing;

import dev.quarry.content.Detection;
import dev.quarry.content.DetectionTest;

/**
 * The outcome of one detection test: its status and reason, how many rows the detection returned, how many
 * events were read, how long it took, and for a failure an explanation of the nearest misses (empty otherwise).
 */
public record TestResult(Detection detection, DetectionTest test, TestStatus status, String reason, int rows,
        long events, long millis, String explanation) {
}
