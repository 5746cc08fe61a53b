package dev.quarry.testing;

/** How a detection test ended. */
public enum TestStatus {
    /** The detection returned rows (or none, when the test expects none). */
    PASS,
    /** The detection ran but returned what the test does not expect. */
    FAIL,
    /** The detection or its data could not be used: it does not compile, or its data cannot be read. */
    ERROR,
    /** The test data is not available here. */
    SKIPPED
}
