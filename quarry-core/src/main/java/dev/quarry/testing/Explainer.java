package dev.quarry.testing;

import dev.quarry.cim.Normalizer;
import dev.quarry.cim.RawEventView;
import dev.quarry.content.CompiledDetection;
import dev.quarry.exec.FieldSource;
import dev.quarry.exec.Row;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.SearchPredicates;
import dev.quarry.exec.Value;
import dev.quarry.exec.op.Operator;
import dev.quarry.ingest.Event;
import dev.quarry.plan.QueryPlan;
import dev.quarry.spl.Spl;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.Pipeline;
import dev.quarry.spl.ast.SearchCommand;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.TstatsCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Explains why a detection returned nothing: splits the filter of its first command (the tstats where clause, or
 * the base search of a raw-event search) into the conditions joined by AND, counts how many input records pass
 * each one, shows the records that came closest (passed the most conditions) with the values of the fields the
 * failed conditions read, and counts the rows each later command let through.
 */
final class Explainer {
    /** How many nearest records are shown. */
    static final int NEAREST = 3;

    private final CompiledDetection detection;
    private final List<String> conditionTexts = new ArrayList<>();
    private final List<RowPredicate> conditions = new ArrayList<>();
    private final List<Set<String>> conditionFields = new ArrayList<>();
    private final long[] passing;
    private final List<Candidate> nearest = new ArrayList<>();
    private final boolean dataset;
    private final Normalizer normalizer;
    private final RawEventView.SearchTimeFields searchTimeFields;
    private final Map<String, long[]> stageRows = new LinkedHashMap<>();
    private final QueryPlan.Chain chain;
    private long records;

    private record Candidate(int passed, boolean[] results, Map<String, String> values, String origin) {
    }

    Explainer(CompiledDetection detection, Normalizer normalizer) {
        this.detection = detection;
        this.normalizer = normalizer;
        this.searchTimeFields = RawEventView.SearchTimeFields.of(normalizer.catalog());
        String text = detection.expansion().text();
        Pipeline pipeline = Spl.parseQuery(text);
        Command first = pipeline.commands().get(0);
        SearchExpr filter;
        UnaryOperator<String> fieldName = UnaryOperator.identity();
        if (first instanceof TstatsCommand t && detection.plan().source() instanceof QueryPlan.DatasetSource ds) {
            filter = t.where();
            String prefix = ds.dataset().object() + ".";
            fieldName = name -> name.startsWith(prefix) ? name.substring(prefix.length()) : name;
            dataset = true;
        } else if (first instanceof SearchCommand s) {
            filter = s.filter();
            dataset = false;
        } else {
            filter = null;
            dataset = false;
        }
        for (SearchExpr conjunct : conjuncts(filter)) {
            if (conjunct instanceof SearchExpr.Compare c && c.field().equals("nodename")) {
                continue;
            }
            conditionTexts.add(text.substring(conjunct.span().start(), conjunct.span().stop()).strip());
            conditions.add(SearchPredicates.compile(conjunct, fieldName));
            Set<String> fields = new LinkedHashSet<>();
            collectFields(conjunct, fieldName, fields);
            conditionFields.add(fields);
        }
        passing = new long[conditions.size()];
        // The plan wraps stages from the last to the first, so the counters are listed in reverse order.
        chain = detection.plan().newChain((command, operator) -> counting(command, operator));
    }

    private Operator counting(String command, Operator operator) {
        long[] count = stageRows.computeIfAbsent(stageRows.size() + ": " + command, k -> new long[1]);
        return new Operator() {
            @Override
            public void push(Row row) {
                count[0]++;
                operator.push(row);
            }

            @Override
            public void finish() {
                operator.finish();
            }
        };
    }

    void accept(Event event) {
        if (dataset) {
            QueryPlan.DatasetSource ds = (QueryPlan.DatasetSource) detection.plan().source();
            for (Row record : normalizer.records(event, ds.dataset().key())) {
                consider(record, event);
            }
        } else {
            RawEventView view = new RawEventView(event, searchTimeFields);
            consider(view, event);
        }
    }

    private void consider(FieldSource record, Event event) {
        records++;
        boolean[] results = new boolean[conditions.size()];
        int passed = 0;
        for (int i = 0; i < conditions.size(); i++) {
            results[i] = conditions.get(i).test(record);
            if (results[i]) {
                passing[i]++;
                passed++;
            }
        }
        if (passed == conditions.size()) {
            chain.head().push(record instanceof Row r ? r : ((RawEventView) record).toRow());
        }
        if (nearest.size() < NEAREST || passed > nearest.get(nearest.size() - 1).passed()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < conditions.size(); i++) {
                if (!results[i]) {
                    for (String f : conditionFields.get(i)) {
                        Value v = record.get(f);
                        values.put(f, v == null ? "(absent)" : v.text());
                    }
                }
            }
            nearest.add(new Candidate(passed, results, values, event.origin().toString()));
            nearest.sort((a, b) -> b.passed() - a.passed());
            if (nearest.size() > NEAREST) {
                nearest.remove(nearest.size() - 1);
            }
        }
    }

    String report() {
        chain.finish();
        StringBuilder sb = new StringBuilder();
        String what = dataset ? ((QueryPlan.DatasetSource) detection.plan().source()).dataset().key() + " records"
                : "raw events";
        sb.append(String.format("%s from the test data: %,d.%n", what, records));
        if (conditions.isEmpty()) {
            sb.append("The first command has no filter.\n");
        } else {
            sb.append("Conditions of the first command, joined by AND, and how many of them pass each:\n");
            for (int i = 0; i < conditions.size(); i++) {
                sb.append(String.format("  %,10d  %s%n", passing[i], conditionTexts.get(i)));
            }
            sb.append("Nearest ").append(what).append(":\n");
            for (Candidate c : nearest) {
                sb.append(String.format("  %s passes %d of %d%n", c.origin(), c.passed(), conditions.size()));
                for (int i = 0; i < conditions.size(); i++) {
                    if (!c.results()[i]) {
                        sb.append("    fails ").append(conditionTexts.get(i)).append('\n');
                    }
                }
                for (Map.Entry<String, String> v : c.values().entrySet()) {
                    sb.append("      ").append(v.getKey()).append(" = ").append(abbreviate(v.getValue())).append('\n');
                }
            }
        }
        if (!stageRows.isEmpty()) {
            sb.append("Rows reaching each command: ");
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, long[]> e : stageRows.entrySet()) {
                parts.add(0, e.getKey().substring(e.getKey().indexOf(' ') + 1) + " " + e.getValue()[0]);
            }
            sb.append(String.join(", ", parts)).append(", results ").append(chain.results().rows().size())
                    .append('\n');
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }

    private static List<SearchExpr> conjuncts(SearchExpr e) {
        List<SearchExpr> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (e instanceof SearchExpr.And and) {
            for (SearchExpr operand : and.operands()) {
                out.addAll(conjuncts(operand));
            }
        } else {
            out.add(e);
        }
        return out;
    }

    private static void collectFields(SearchExpr e, UnaryOperator<String> fieldName, Set<String> out) {
        if (e instanceof SearchExpr.And and) {
            and.operands().forEach(o -> collectFields(o, fieldName, out));
        } else if (e instanceof SearchExpr.Or or) {
            or.operands().forEach(o -> collectFields(o, fieldName, out));
        } else if (e instanceof SearchExpr.Not not) {
            collectFields(not.operand(), fieldName, out);
        } else if (e instanceof SearchExpr.Compare c) {
            out.add(fieldName.apply(c.field()));
        } else if (e instanceof SearchExpr.In in) {
            out.add(fieldName.apply(in.field()));
        }
    }
}
