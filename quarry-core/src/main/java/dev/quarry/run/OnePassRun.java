package dev.quarry.run;

import dev.quarry.cim.DatasetDefinition;
import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.exec.FieldSource;
import dev.quarry.exec.Row;
import dev.quarry.exec.op.Operator;
import dev.quarry.ingest.Event;
import dev.quarry.cim.RawEventView;
import dev.quarry.plan.QueryPlan;
import dev.quarry.prefilter.ValueKeys;
import dev.quarry.risk.Finding;
import dev.quarry.risk.RiskAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs many detections over one stream of events. Each event is normalized once into the data model datasets
 * that some detection reads, then offered to the detections of each dataset and to the raw-event detections.
 * Call {@link #accept} for every event in time order, then {@link #finish}.
 *
 * <p>A dataset record is shared by all pipelines that read that dataset: their first operator aggregates it
 * without keeping or changing it. A raw event becomes a new row for each raw-event pipeline that accepts it,
 * because those pipelines may change their rows. A detection that fails while running stops alone; the others
 * go on.
 */
public final class OnePassRun implements DetectionRun {
    /** One detection's operators and, once it failed, why. */
    private static final class Running {
        final CompiledDetection detection;
        final QueryPlan.Chain chain;
        /** The operators of the main pipeline and the collectors of every pipeline, for {@link #held}. */
        final List<Operator> operators = new ArrayList<>();
        RuntimeException failure;
        /** Records and events offered to the detection's filters, those accepted, and the time spent (when timed). */
        long offered;
        long accepted;
        long nanos;

        Running(CompiledDetection detection) {
            this.detection = detection;
            this.chain = detection.plan().newChain((command, op) -> {
                operators.add(op);
                return op;
            });
            for (QueryPlan.Input input : chain.inputs()) {
                operators.add(input.results());
            }
        }

        long held() {
            long n = 0;
            for (Operator op : operators) {
                n += op.held();
            }
            return n;
        }
    }

    /** One pipeline of a running detection that reads events: the main one or a subsearch. */
    private record Reader(Running running, QueryPlan.Input input) {
        /** Tests a record or event and pushes it (or, for raw events, a new row of it) into the pipeline. */
        void offer(FieldSource fields, boolean timed) {
            if (running.failure != null) {
                return;
            }
            long start = timed ? System.nanoTime() : 0;
            running.offered++;
            try {
                if (input.source().filter().test(fields)) {
                    running.accepted++;
                    input.head().push(fields instanceof RawEventView view ? view.toRow() : (Row) fields);
                }
            } catch (RuntimeException e) {
                running.failure = e;
            }
            if (timed) {
                running.nanos += System.nanoTime() - start;
            }
        }
    }

    private final List<Running> all = new ArrayList<>();
    private final Map<String, DispatchIndex<Reader>> byDataset = new HashMap<>();
    private final DispatchIndex<Reader> raw = new DispatchIndex<>();
    private final Normalizer normalizer;
    private final RawEventView.SearchTimeFields searchTimeFields;
    private boolean timed;
    private Held heldAtEnd;
    private long eventsSeen;
    private long recordsMade;

    public OnePassRun(List<CompiledDetection> detections, Normalizer normalizer) {
        this(detections, normalizer, true);
    }

    /**
     * With {@code indexed} false, every record is offered to every pipeline of its kind; results are the same, and
     * that is what the option is for: checking it and timing the index.
     */
    public OnePassRun(List<CompiledDetection> detections, Normalizer normalizer, boolean indexed) {
        this.normalizer = normalizer;
        this.searchTimeFields = RawEventView.SearchTimeFields.of(normalizer.catalog());
        for (CompiledDetection d : detections) {
            if (!d.runnable()) {
                continue;
            }
            Running r = new Running(d);
            all.add(r);
            for (QueryPlan.Input input : r.chain.inputs()) {
                Reader reader = new Reader(r, input);
                if (input.source() instanceof QueryPlan.DatasetSource ds) {
                    byDataset.computeIfAbsent(ds.dataset().key(), k -> new DispatchIndex<>())
                            .add(reader, indexed ? ValueKeys.of(ds.expression(), ds.dataset()::recordField) : null);
                } else if (input.source() instanceof QueryPlan.RawSource rs) {
                    raw.add(reader, indexed ? ValueKeys.of(rs.expression(), UnaryOperator.identity()) : null);
                }
            }
        }
    }

    @Override
    public void accept(Event event) {
        eventsSeen++;
        acceptRaw(event);
        if (!byDataset.isEmpty()) {
            normalizer.normalize(event, this::offer);
        }
    }

    /** Takes an event with the records a normalizer shared by several runs made of it, in the order it made them. */
    void accept(Event event, List<Normalized> records) {
        eventsSeen++;
        acceptRaw(event);
        for (Normalized n : records) {
            offer(n.dataset(), n.record(), event);
        }
    }

    /** One data model record made from an event. */
    record Normalized(DatasetDefinition dataset, Row record) {
    }

    /** The datasets this run's detections read. */
    java.util.Set<String> datasetsRead() {
        return byDataset.keySet();
    }

    private void acceptRaw(Event event) {
        if (!raw.isEmpty()) {
            RawEventView view = new RawEventView(event, searchTimeFields);
            raw.forEachCandidate(view, r -> r.offer(view, timed));
        }
    }

    private void offer(DatasetDefinition dataset, Row record, Event event) {
        DispatchIndex<Reader> readers = byDataset.get(dataset.key());
        if (readers == null) {
            return;
        }
        recordsMade++;
        readers.forEachCandidate(record, r -> r.offer(record, timed));
    }

    /**
     * Measures the time each detection's filters and pipelines take from now on, at the cost of two clock reads
     * per record offered; {@link #costs} reports it.
     */
    @Override
    public void measureTime(boolean on) {
        this.timed = on;
    }

    /**
     * What one detection cost: records and events offered to its filters, how many they accepted, and the time
     * spent testing and processing them in nanoseconds (0 unless measured), not counting its end-of-input work.
     */
    public record Cost(String detection, long offered, long accepted, long nanos) {
    }

    /** The cost of every running detection, most expensive first (by time, then by records offered). */
    @Override
    public List<Cost> costs() {
        List<Cost> costs = new ArrayList<>();
        for (Running r : all) {
            costs.add(new Cost(r.detection.detection().name(), r.offered, r.accepted, r.nanos));
        }
        costs.sort(java.util.Comparator.comparingLong(Cost::nanos).thenComparingLong(Cost::offered).reversed());
        return costs;
    }

    /** Ends the input and returns each runnable detection's results, in the order the detections were given. */
    @Override
    public List<DetectionResult> finish() {
        heldAtEnd = held();
        List<DetectionResult> results = new ArrayList<>();
        for (Running r : all) {
            if (r.failure == null) {
                try {
                    r.chain.finish();
                } catch (RuntimeException e) {
                    r.failure = e;
                }
            }
            if (r.failure != null) {
                results.add(new DetectionResult(r.detection, List.of(), List.of(),
                        "failed while running: " + describe(r.failure)));
                continue;
            }
            List<Row> rows = r.chain.results().rows();
            List<Finding> findings = new ArrayList<>(rows.size());
            for (Row row : rows) {
                findings.add(RiskAction.apply(r.detection.detection(), row));
            }
            results.add(new DetectionResult(r.detection, rows, findings, null));
        }
        return results;
    }

    /**
     * A failure as users read it: the message of the errors the engine raises on purpose (limits, regular expression
     * budgets), and the exception's class too for anything else, which is a defect to report.
     */
    private static String describe(RuntimeException e) {
        if (e instanceof dev.quarry.exec.op.RowLimitException || e instanceof dev.quarry.exec.Regexes.BudgetExceeded) {
            return e.getMessage();
        }
        return e.toString();
    }

    /** Pipelines that read events, and how many of them are indexed by a field value their filter requires. */
    public record Dispatch(int pipelines, int indexed) {
    }

    @Override
    public Dispatch dispatch() {
        int pipelines = raw.keyedCount() + raw.unkeyedCount();
        int indexed = raw.keyedCount();
        for (DispatchIndex<Reader> d : byDataset.values()) {
            pipelines += d.keyedCount() + d.unkeyedCount();
            indexed += d.keyedCount();
        }
        return new Dispatch(pipelines, indexed);
    }

    /** The state a run keeps until its input ends: rows and groups held in all, and by the detection holding most. */
    public record Held(long total, String largestDetection, long largest) {
    }

    @Override
    public Held heldAtEnd() {
        return heldAtEnd;
    }

    /** Measures the state held now; before {@link #finish}, when the state is largest. */
    public Held held() {
        long total = 0;
        long largest = 0;
        String name = null;
        for (Running r : all) {
            long n = r.held();
            total += n;
            if (n > largest) {
                largest = n;
                name = r.detection.detection().name();
            }
        }
        return new Held(total, name, largest);
    }

    public long eventsSeen() {
        return eventsSeen;
    }

    /** Data model records made from the events, counted once per record however many pipelines read it. */
    public long recordsMade() {
        return recordsMade;
    }
}
