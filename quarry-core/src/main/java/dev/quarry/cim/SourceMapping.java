package dev.quarry.cim;

import dev.quarry.exec.Evaluator;
import dev.quarry.exec.RowPredicate;
import java.util.List;
import java.util.Map;

/**
 * How raw events of one log source become records of a dataset: which events ({@code when}, a search-language
 * filter over raw fields), and how each dataset field is computed from them (eval expressions).
 * {@code earlierProcess}, when present, fills fields the source lacks from an earlier event of the same process,
 * as needed for Security 4688 events without a parent process name.
 */
public record SourceMapping(String name, String dataset, String whenText, RowPredicate when, List<FieldRule> fields,
        EarlierProcess earlierProcess, String origin) {
    public SourceMapping {
        fields = List.copyOf(fields);
    }

    public record FieldRule(String field, String expression, Evaluator evaluator) {
    }

    /**
     * Fills missing fields of this record from the most recent earlier record whose {@code earlierKey} fields
     * equal this record's {@code thisKey} fields: {@code fill} maps a field of this record to the earlier record's
     * field that supplies it.
     */
    public record EarlierProcess(List<String> thisKey, List<String> earlierKey, Map<String, String> fill) {
        public EarlierProcess {
            thisKey = List.copyOf(thisKey);
            earlierKey = List.copyOf(earlierKey);
            fill = Map.copyOf(fill);
        }
    }
}
