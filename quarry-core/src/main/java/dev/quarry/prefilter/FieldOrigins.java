package dev.quarry.prefilter;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.DatasetDefinition;
import dev.quarry.cim.Extraction;
import dev.quarry.cim.SourceMapping;
import dev.quarry.spl.Spl;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Where the fields of dataset records and of raw events come from, worked out from the CIM catalog. */
public final class FieldOrigins {
    /** Default fields of raw events that the readers compute rather than copy from the raw text. */
    private static final Set<String> COMPUTED = Set.of("_time", "source", "sourcetype", "index", "eventtype", "host");

    private FieldOrigins() {
    }

    /** Origins of the fields of a dataset's records, by field name without the dataset prefix. */
    public static Function<String, Origin> dataset(CimCatalog catalog, DatasetDefinition dataset) {
        Map<String, Origin> origins = new HashMap<>();
        origins.put("_time", Origin.UNKNOWN);
        origins.put("host", Origin.UNKNOWN);
        origins.put("source", Origin.UNKNOWN);
        origins.put("sourcetype", Origin.UNKNOWN);
        for (SourceMapping m : catalog.mappings()) {
            if (!m.dataset().equals(dataset.key())) {
                continue;
            }
            for (SourceMapping.FieldRule rule : m.fields()) {
                Origin o = ExpressionOrigins.of(Spl.parseExpression(rule.expression()), raw -> Origin.RAW);
                origins.merge(rule.field(), o, Origin::union);
            }
            if (m.earlierProcess() != null) {
                for (String filled : m.earlierProcess().fill().keySet()) {
                    origins.merge(filled, Origin.UNKNOWN, Origin::union);
                }
            }
        }
        for (DatasetDefinition.Calculated c : dataset.calculated()) {
            Map<String, Origin> before = Map.copyOf(origins);
            Origin o = ExpressionOrigins.of(Spl.parseExpression(c.expression()),
                    name -> before.getOrDefault(name, Origin.NONE));
            origins.put(c.field(), o);
        }
        return name -> origins.getOrDefault(name, Origin.NONE);
    }

    /**
     * Origins of raw-event fields: the event's own fields are raw text; the fields of search-time extractions may
     * also be what their expressions make; the default fields are computed.
     */
    public static Function<String, Origin> raw(CimCatalog catalog) {
        Map<String, Origin> extracted = new HashMap<>();
        for (Extraction x : catalog.extractions()) {
            for (SourceMapping.FieldRule rule : x.fields()) {
                Origin o = ExpressionOrigins.of(Spl.parseExpression(rule.expression()), raw -> Origin.RAW);
                extracted.merge(rule.field(), o, Origin::union);
            }
        }
        return name -> {
            if (name.equals("_raw")) {
                return Origin.RAW;
            }
            if (COMPUTED.contains(name)) {
                return Origin.UNKNOWN;
            }
            Origin e = extracted.get(name);
            return e == null ? Origin.RAW : Origin.RAW.union(e);
        };
    }
}
