package dev.quarry.content;

/** A content file that could not be used, with the reason; the rest of the content still loads. */
public record ContentProblem(String file, String message) {
    @Override
    public String toString() {
        return file + ": " + message;
    }
}
