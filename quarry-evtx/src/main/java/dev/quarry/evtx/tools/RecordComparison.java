package dev.quarry.evtx.tools;

import dev.quarry.evtx.Element;
import dev.quarry.evtx.EvtxRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Compares our records of one file with evtxexport's, matched by EventRecordID, field by
 * field after {@link Normalization}. Each disagreement is counted under a kind; kinds with a
 * known reason are explained, the others fail the conformance check.
 */
final class RecordComparison {

    /** A disagreement kind, whether its reason is known, and sample details. */
    static final class Kind {
        final String description;
        final boolean explained;
        long count;
        final List<String> samples = new ArrayList<>();

        Kind(String description, boolean explained) {
            this.description = description;
            this.explained = explained;
        }
    }

    private static final int MAX_SAMPLES = 5;

    final Map<String, Kind> kinds = new TreeMap<>();
    long matched;
    long identical;

    /**
     * @param ours our records in file order
     * @param theirs evtxexport's events
     * @param sizeCopyDisagrees returns, for a record's file offset, whether its size copy disagrees
     * @param libevtx what evtxexport reported, to explain missing records
     */
    void compare(List<EvtxRecord> ours, List<Element> theirs, LongPredicate sizeCopyDisagrees,
            LibevtxExport.Result libevtx) {
        Map<Long, ArrayDeque<Element>> byId = new HashMap<>();
        List<Element> withoutId = new ArrayList<>();
        for (Element event : theirs) {
            Long id = EventFields.eventRecordId(event);
            if (id == null) {
                withoutId.add(event);
            } else {
                byId.computeIfAbsent(id, k -> new ArrayDeque<>()).add(event);
            }
        }

        for (EvtxRecord record : ours) {
            Long id = EventFields.eventRecordId(record.event());
            long key = id == null ? record.recordId() : id;
            ArrayDeque<Element> candidates = byId.get(key);
            Element match = candidates == null ? null : candidates.poll();
            if (match == null) {
                explainMissing(record, key, sizeCopyDisagrees, libevtx);
            } else {
                matched++;
                compareFields(key, record.event(), match);
            }
        }
        long leftover = withoutId.size() + byId.values().stream().mapToLong(ArrayDeque::size).sum();
        for (int i = 0; i < leftover; i++) {
            add("evtxexport prints a record that we skipped or did not find", false, null);
        }
        if (libevtx.malformedEvents() > 0) {
            for (int i = 0; i < libevtx.malformedEvents(); i++) {
                add("evtxexport printed XML that the JDK parser rejects", true, null);
            }
        }
    }

    private void explainMissing(EvtxRecord record, long id, LongPredicate sizeCopyDisagrees,
            LibevtxExport.Result libevtx) {
        if (sizeCopyDisagrees.test(record.fileOffset())) {
            add("libevtx drops a record whose size copy disagrees with its size; we keep it with a warning",
                    true, "record " + id);
        } else if (libevtx.timedOut()) {
            add("evtxexport timed out before this record", true, "record " + id);
        } else if (libevtx.aborted()) {
            add("evtxexport stopped at its first undecodable record (" + firstError(libevtx) + ")",
                    true, "record " + id);
        } else {
            add("record missing from evtxexport output", false, "record " + id);
        }
    }

    private void compareFields(long id, Element ours, Element theirs) {
        Map<String, String> ourFields = Normalization.fields(ours);
        Map<String, String> theirFields = Normalization.fields(theirs);
        boolean same = true;
        for (Map.Entry<String, String> field : ourFields.entrySet()) {
            if (Normalization.removeUnescapedMarkup(field.getKey(), field.getValue(), theirFields)) {
                same = false;
                add("libevtx writes string values without escaping them, so markup inside a value becomes"
                        + " elements in its output", true, "record " + id + " " + field.getKey());
                continue;
            }
            String theirValue = theirFields.get(field.getKey());
            if (theirValue == null) {
                same = false;
                Normalization.Explanation why = Normalization.explainExtra(field.getKey(), field.getValue(), ours);
                add(why.kind(), why.explained(), "record " + id + " " + field.getKey() + "=" + abbreviate(field.getValue()));
            } else if (!theirValue.equals(field.getValue())) {
                same = false;
                Normalization.Explanation why = Normalization.explainDifference(field.getKey(), field.getValue(), theirValue);
                add(why.kind(), why.explained(), "record " + id + " " + field.getKey() + ": ours="
                        + abbreviate(field.getValue()) + " libevtx=" + abbreviate(theirValue));
            }
        }
        for (Map.Entry<String, String> field : theirFields.entrySet()) {
            if (!ourFields.containsKey(field.getKey())) {
                same = false;
                add("field printed by evtxexport but missing from our tree", false,
                        "record " + id + " " + field.getKey() + "=" + abbreviate(field.getValue()));
            }
        }
        if (same) {
            identical++;
        }
    }

    private void add(String description, boolean explained, String sample) {
        Kind kind = kinds.computeIfAbsent(description, d -> new Kind(d, explained));
        kind.count++;
        if (sample != null && kind.samples.size() < MAX_SAMPLES) {
            kind.samples.add(sample);
        }
    }

    long unexplained() {
        return kinds.values().stream().filter(k -> !k.explained).mapToLong(k -> k.count).sum();
    }

    private static String firstError(LibevtxExport.Result libevtx) {
        for (String line : libevtx.errors()) {
            if (line.contains("unsupported") || line.contains("invalid")) {
                return line.trim();
            }
        }
        return libevtx.errors().isEmpty() ? "exit code " + libevtx.exitCode() : libevtx.errors().get(0).trim();
    }

    static String abbreviate(String value) {
        String oneLine = value.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    static Map<String, String> toMap(List<EventFields.Field> fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (EventFields.Field field : fields) {
            map.put(field.path(), field.value());
        }
        return map;
    }
}
