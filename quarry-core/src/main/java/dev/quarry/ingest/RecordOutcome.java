package dev.quarry.ingest;

/**
 * What one raw record became: an event, a problem, or nothing because the prefilter passed over it. Exactly one of
 * {@code event} and {@code problem} is set unless {@code passedOver}.
 */
record RecordOutcome(Event event, ReadProblem problem, boolean passedOver) {
    static final RecordOutcome PASSED_OVER = new RecordOutcome(null, null, true);

    static RecordOutcome of(Event event) {
        return new RecordOutcome(event, null, false);
    }

    static RecordOutcome of(ReadProblem problem) {
        return new RecordOutcome(null, problem, false);
    }

    void deliver(IngestListener listener) {
        if (event != null) {
            listener.event(event);
        } else if (problem != null) {
            listener.problem(problem);
        } else {
            listener.passedOver();
        }
    }
}
