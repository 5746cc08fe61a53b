package dev.quarry.exec.op;

import java.io.Serializable;
import java.util.Locale;

/**
 * The maximum number of rows, groups or distinct keys that one operator may keep, with the error raised past it. An
 * operator checks the limit before it keeps one more, so that a search fails with a message that names the command
 * instead of exhausting the heap that every detection of a run shares.
 */
final class StateLimit implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int max;
    private final String message;

    private StateLimit(int max, String message) {
        if (max < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, not " + max);
        }
        this.max = max;
        this.message = message;
    }

    /**
     * Returns the limit on the rows that {@code command} keeps. {@code scope} completes the message, as in "join
     * keeps at most N rows of the main search until its subsearch finishes".
     */
    static StateLimit rows(String command, String scope, int max) {
        return new StateLimit(max, String.format(Locale.ROOT, "%s keeps at most %,d rows %s, and this search gave"
                + " it more. Narrow the search so that fewer rows reach %s.", command, max, scope, command));
    }

    /**
     * Returns the limit on the groups or distinct keys that {@code command} keeps until its input ends.
     * {@code unit} names them in the message, such as "groups".
     */
    static StateLimit groups(String command, String unit, int max) {
        return new StateLimit(max, String.format(Locale.ROOT, "%s keeps at most %,d %s until its input ends, and"
                + " this search gave it more. Narrow the search so that fewer rows reach %s.", command, max, unit,
                command));
    }

    /** Returns the limit on the final result rows of a search. */
    static StateLimit results(int max) {
        return new StateLimit(max, String.format(Locale.ROOT, "the search keeps at most %,d final result rows,"
                + " and this search returned more. Narrow the search so that it returns fewer rows.", max));
    }

    /** Returns the limit on the result rows of a subsearch, which are kept until the search that uses them ends. */
    static StateLimit subsearchResults(int max) {
        return new StateLimit(max, String.format(Locale.ROOT, "a subsearch keeps at most %,d result rows until"
                + " the search that uses them finishes, and this subsearch returned more. Narrow the subsearch so"
                + " that it returns fewer rows.", max));
    }

    int max() {
        return max;
    }

    /** Throws {@link RowLimitException} when keeping {@code count} rows or groups would exceed the limit. */
    void check(long count) {
        if (count > max) {
            throw new RowLimitException(message);
        }
    }
}
