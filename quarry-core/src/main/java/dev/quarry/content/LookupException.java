package dev.quarry.content;

/** A lookup table that cannot be used: its file is missing, too large or not valid CSV. */
public final class LookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LookupException(String message) {
        super(message);
    }
}
