package dev.quarry.cli;

/**
 * Exit codes of every command. A run is complete when every input was read in full and every selected
 * detection ran; what it found does not change the code.
 */
final class ExitCodes {
    /** The run was complete. */
    static final int OK = 0;
    /** The run finished but was incomplete: some input was skipped or some detections could not run. */
    static final int INCOMPLETE = 1;
    /** Bad arguments: an unknown option, a path that does not exist, content that is missing or unusable. */
    static final int USAGE = 2;
    /** A bug in Quarry; the message and stack trace go to stderr. */
    static final int INTERNAL = 3;
    /** {@code quarry test}: at least one test failed or could not run. */
    static final int TESTS_FAILED = 4;

    private ExitCodes() {
    }
}
