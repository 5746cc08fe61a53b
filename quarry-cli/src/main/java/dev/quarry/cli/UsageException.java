package dev.quarry.cli;

/** A problem with the command's arguments, shown to the user as one line and exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
