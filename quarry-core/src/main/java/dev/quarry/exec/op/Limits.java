package dev.quarry.exec.op;

/**
 * The memory limits of each operator of a search. {@code rows} is the maximum number of rows that one operator keeps
 * until its input ends or for a window, and {@code groups} the maximum number of statistics groups or distinct keys.
 * Past either limit the operator raises a {@link RowLimitException}, which fails its detection while the other
 * detections of the run go on. A search with several such commands can therefore keep a multiple of these limits.
 */
public record Limits(int rows, int groups) {
    /**
     * 500,000 rows and 1,000,000 groups. Measured with {@code HeldStateSize} in the test sources, on OpenJDK 17.0.15
     * with G1 and compressed references (AMD EPYC, 2 cores): a kept row of ten short fields, six text and four
     * numbers, takes about 1,100 bytes of heap, so 500,000 such rows take about 530 MiB. The row of a raw event,
     * as {@code dedup}, {@code head} or {@code sort} keep it after a raw-event search, is larger: over the 10,015
     * events of the EVTX files of mdecrevoisier/EVTX-to-MITRE-Attack, {@code _raw} included, about 7,200 bytes, so
     * 500,000 of them take about 3.4 GiB. A group of {@code tstats count min(_time) max(_time)} by nine text fields
     * takes about 1,200 bytes, so 1,000,000 groups take about 1.1 GiB.
     */
    public static final Limits DEFAULT = new Limits(500_000, 1_000_000);

    public Limits {
        if (rows < 1 || groups < 1) {
            throw new IllegalArgumentException("rows and groups must be 1 or more, not rows=" + rows + ", groups="
                    + groups);
        }
    }
}
