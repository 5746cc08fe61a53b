package dev.quarry.ingest;

/**
 * What one raw record became: an event, a problem, or nothing because the prefilter passed over it. At least one
 * of {@code event} and {@code problem} is set unless {@code passedOver}; both are set for an event read in spite
 * of damage that the problem, a warning that skipped nothing, describes.
 */
record RecordOutcome(Event event, ReadProblem problem, boolean passedOver) {
    static final RecordOutcome PASSED_OVER = new RecordOutcome(null, null, true);

    static RecordOutcome of(Event event) {
        return new RecordOutcome(event, null, false);
    }

    static RecordOutcome of(ReadProblem problem) {
        return new RecordOutcome(null, problem, false);
    }

    static RecordOutcome of(Event event, ReadProblem warning) {
        return new RecordOutcome(event, warning, false);
    }

    void deliver(IngestListener listener) {
        if (problem != null) {
            listener.problem(problem);
        }
        if (event != null) {
            listener.event(event);
        } else if (problem == null) {
            listener.passedOver();
        }
    }
}
