package dev.quarry.cim;

import dev.quarry.exec.Evaluator;
import java.util.List;

/**
 * A data model dataset such as {@code Endpoint.Processes}: its name, the object name that prefixes its fields in
 * {@code tstats} ({@code Processes}), the fields the data model declares, and its calculated fields, evaluated in
 * order on each record after the source mapping.
 */
public record DatasetDefinition(String datamodel, String object, List<String> fields, List<Calculated> calculated,
        String origin) {
    public DatasetDefinition {
        fields = List.copyOf(fields);
        calculated = List.copyOf(calculated);
    }

    /** {@code datamodel.object}, the name {@code tstats ... from datamodel=} uses. */
    public String key() {
        return datamodel + "." + object;
    }

    /**
     * The record field that a {@code tstats} field name refers to: {@code Processes.process_name} is the record's
     * {@code process_name}; names without the object prefix are taken as they are.
     */
    public String recordField(String name) {
        int n = object.length();
        return name.length() > n && name.startsWith(object) && name.charAt(n) == '.' ? name.substring(n + 1) : name;
    }

    /** One calculated field: {@code field} is set to the value of {@code expression}, which may read it. */
    public record Calculated(String field, String expression, Evaluator evaluator) {
    }
}
