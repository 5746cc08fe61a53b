package dev.quarry.cim;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.EventFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw events into data model records. For each mapping whose {@code when} filter matches an event, it
 * evaluates the mapping's fields on the raw event, fills fields from an earlier event of the same process where
 * the mapping asks for it, then applies the dataset's calculated fields. Records carry the dataset fields
 * without prefix plus {@code _time}, {@code host}, {@code source} and {@code sourcetype}.
 *
 * <p>Not thread-safe: the earlier-process memory depends on events arriving in time order per host.
 */
public final class Normalizer {
    /** Processes remembered per mapping for filling parent fields; older entries are forgotten first. */
    static final int MAX_REMEMBERED_PROCESSES = 200_000;

    private final CimCatalog catalog;
    private final List<Target> targets = new ArrayList<>();

    private record Target(SourceMapping mapping, DatasetDefinition dataset, ProcessMemory memory) {
    }

    /** Receives each record with the dataset it belongs to. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(DatasetDefinition dataset, Row record, Event event);
    }

    public Normalizer(CimCatalog catalog) {
        this.catalog = catalog;
        for (SourceMapping m : catalog.mappings()) {
            DatasetDefinition d = catalog.dataset(m.dataset()).orElseThrow(() -> new CimCatalog.CimDefinitionException(
                    m.origin() + ": unknown dataset " + m.dataset()));
            targets.add(new Target(m, d, m.earlierProcess() == null ? null : new ProcessMemory()));
        }
    }

    public CimCatalog catalog() {
        return catalog;
    }

    public void normalize(Event event, RecordSink sink) {
        EventFields raw = new EventFields(event);
        for (Target t : targets) {
            if (!t.mapping().when().test(raw)) {
                continue;
            }
            sink.accept(t.dataset(), record(t, raw), event);
        }
    }

    /** Returns the records of one event for the given dataset key, for display and tests. */
    public List<Row> records(Event event, String datasetKey) {
        List<Row> out = new ArrayList<>();
        normalize(event, (dataset, record, e) -> {
            if (dataset.key().equals(datasetKey)) {
                out.add(record);
            }
        });
        return out;
    }

    private Row record(Target t, EventFields raw) {
        Event event = raw.event();
        Row record = new Row();
        record.put("_time", Value.num(event.timeMicros() / 1_000_000.0));
        record.put("host", raw.get("host"));
        record.put("source", Value.str(event.source()));
        record.put("sourcetype", Value.str(event.sourceType()));
        for (SourceMapping.FieldRule rule : t.mapping().fields()) {
            Value v = rule.evaluator().eval(raw);
            if (v != null && !(v instanceof Value.Bool)) {
                record.put(rule.field(), v);
            }
        }
        if (t.memory() != null) {
            t.memory().fillAndRemember(t.mapping().earlierProcess(), record, event);
        }
        for (DatasetDefinition.Calculated c : t.dataset().calculated()) {
            Value v = c.evaluator().eval(record);
            record.put(c.field(), v instanceof Value.Bool ? null : v);
        }
        return record;
    }

    /**
     * The most recent record per process key, bounded in size. Keys include the input file the event came from:
     * process ids are reused, and a recording says nothing about the processes of another recording. A remembered
     * process fills a later event only when it did not start after that event.
     */
    private static final class ProcessMemory {
        /** What is remembered of one process: its start time in microseconds and the fields to fill. */
        private record Remembered(long timeMicros, Map<String, Value> fields) {
        }

        private final LinkedHashMap<List<String>, Remembered> byKey =
                new LinkedHashMap<>(1024, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<List<String>, Remembered> eldest) {
                        return size() > MAX_REMEMBERED_PROCESSES;
                    }
                };

        void fillAndRemember(SourceMapping.EarlierProcess spec, Row record, Event event) {
            String file = event.origin().file();
            List<String> thisKey = key(file, record, spec.thisKey());
            if (thisKey != null) {
                Remembered earlier = byKey.get(thisKey);
                if (earlier != null && earlier.timeMicros() <= event.timeMicros()) {
                    for (Map.Entry<String, String> f : spec.fill().entrySet()) {
                        Value current = record.get(f.getKey());
                        Value supplied = earlier.fields().get(f.getValue());
                        if ((current == null || current.text().isEmpty()) && supplied != null) {
                            record.put(f.getKey(), supplied);
                        }
                    }
                }
            }
            List<String> earlierKey = key(file, record, spec.earlierKey());
            if (earlierKey != null) {
                Map<String, Value> remembered = new LinkedHashMap<>();
                for (String source : spec.fill().values()) {
                    Value v = record.get(source);
                    if (v != null) {
                        remembered.put(source, v);
                    }
                }
                byKey.put(earlierKey, new Remembered(event.timeMicros(), remembered));
            }
        }

        private static List<String> key(String file, Row record, List<String> fields) {
            List<String> key = new ArrayList<>(fields.size() + 1);
            key.add(file);
            for (String f : fields) {
                Value v = record.get(f);
                if (v == null) {
                    return null;
                }
                key.add(v.text().toLowerCase(java.util.Locale.ROOT));
            }
            return key;
        }
    }
}
