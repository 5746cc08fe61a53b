package dev.quarry.exec;

/**
 * What eval functions may depend on besides the row: the search time returned by {@code now()}, in epoch
 * seconds. A scheduled Splunk search uses its scheduled time; Quarry uses the time the run started unless the
 * caller fixes it (tests fix it to the end of their data).
 */
public record EvalContext(double nowSeconds) {
    public static EvalContext atWallClock() {
        return new EvalContext(System.currentTimeMillis() / 1000.0);
    }
}
