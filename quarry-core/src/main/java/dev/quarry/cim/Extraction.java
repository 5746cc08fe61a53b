package dev.quarry.cim;

import dev.quarry.exec.RowPredicate;
import java.util.List;

/**
 * Search-time fields for raw events of one log source, as a Splunk add-on's props.conf adds them (EVAL- and
 * FIELDALIAS- settings): the events it applies to ({@code when}, a search-language filter over raw fields) and
 * each field's eval expression. Raw-event searches see these fields beside the event's own.
 */
public record Extraction(String name, String whenText, RowPredicate when, List<SourceMapping.FieldRule> fields,
        String origin) {
    public Extraction {
        fields = List.copyOf(fields);
    }
}
