package dev.quarry.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.cim.RawEventView;
import dev.quarry.content.ContentLoader;
import dev.quarry.content.ContentPack;
import dev.quarry.content.Detection;
import dev.quarry.content.Lookups;
import dev.quarry.content.Observable;
import dev.quarry.exec.EvalCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.exec.Evaluator;
import dev.quarry.exec.Row;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.SearchPredicates;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import dev.quarry.exec.op.Limits;
import dev.quarry.exec.op.RowLimitException;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.Origin;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Planner;
import dev.quarry.plan.QueryPlan;
import dev.quarry.risk.Finding;
import dev.quarry.risk.RiskAction;
import dev.quarry.risk.RiskEvent;
import dev.quarry.spl.Spl;
import dev.quarry.spl.SplSyntaxException;
import dev.quarry.spl.macro.Macro;
import dev.quarry.spl.macro.MacroException;
import dev.quarry.spl.macro.MacroExpander;
import dev.quarry.spl.macro.MacroLibrary;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Executes one spec case; see {@code spec/README.md} for the kinds of case. */
final class SpecRunner {
    private static final CimCatalog CATALOG = CimCatalog.builtIn();
    private static final RawEventView.SearchTimeFields SEARCH_TIME_FIELDS =
            RawEventView.SearchTimeFields.of(CATALOG);

    private SpecRunner() {
    }

    static void run(SpecCase c) {
        JsonNode n = c.node();
        if (n.has("expand")) {
            macro(c, n);
        } else if (n.has("search")) {
            filter(c, n, n.get("search").asText(), false);
        } else if (n.has("where")) {
            filter(c, n, n.get("where").asText(), true);
        } else if (n.has("eval")) {
            eval(c, n);
        } else if (n.has("query")) {
            query(c, n);
        } else if (n.has("risk_message")) {
            risk(c, n);
        } else if (n.has("event") || (n.has("events") && n.has("record"))) {
            cim(c, n);
        } else {
            fail(c.where() + ": unknown kind of case; expected one of expand, search, where, eval, query, event,"
                    + " risk_message");
        }
    }

    // ---- filters ------------------------------------------------------------------------------------------------

    private static void filter(SpecCase c, JsonNode n, String text, boolean eval) {
        RowPredicate predicate;
        if (eval) {
            Evaluator e = new EvalCompiler(context(n)).compile(Spl.parseExpression(text));
            predicate = row -> e.eval(row) instanceof Value.Bool b && b.value();
        } else {
            predicate = SearchPredicates.compile(Spl.parseSearch(text));
        }
        List<Row> rows = rows(n.get("rows"));
        JsonNode match = n.get("match");
        List<Boolean> expected = new ArrayList<>();
        if (match.isArray()) {
            match.forEach(m -> expected.add(m.asBoolean()));
        } else {
            rows.forEach(r -> expected.add(match.asBoolean()));
        }
        assertThat(rows).as(c.where() + ": one 'match' per row").hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(predicate.test(rows.get(i))).as(c.where() + ": row " + rows.get(i)).isEqualTo(expected.get(i));
        }
    }

    // ---- eval ---------------------------------------------------------------------------------------------------

    private static void eval(SpecCase c, JsonNode n) {
        Row row = n.has("row") ? row(n.get("row")) : new Row();
        Value actual;
        try {
            actual = new EvalCompiler(context(n)).compile(Spl.parseExpression(n.get("eval").asText())).eval(row);
        } catch (RuntimeException e) {
            if (n.has("error")) {
                assertThat(e.getMessage()).as(c.where()).contains(n.get("error").asText());
                return;
            }
            throw e;
        }
        assertValue(c.where() + ": " + n.get("eval").asText(), actual, n.get("value"));
        if (n.has("type")) {
            String type = actual instanceof Value.Num ? "number" : actual instanceof Value.Bool ? "boolean"
                    : actual instanceof Value.Multi ? "multivalue" : actual == null ? "null" : "string";
            assertThat(type).as(c.where() + ": type").isEqualTo(n.get("type").asText());
        }
    }

    private static EvalContext context(JsonNode n) {
        return new EvalContext(n.path("now").asDouble(1_714_564_800));
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    private static void query(SpecCase c, JsonNode n) {
        String text = n.get("query").asText();
        QueryPlan plan;
        try {
            MacroLibrary macros = macros(n.get("macros"));
            String expanded = new MacroExpander(macros).expand(text).text();
            plan = new Planner(CATALOG, context(n), lookups(c, n), limits(n)).plan(Spl.parseQuery(expanded));
        } catch (SplSyntaxException | PlanException | MacroException e) {
            if (n.has("error")) {
                assertThat(e.getMessage()).as(c.where()).contains(n.get("error").asText());
                return;
            }
            throw new AssertionError(c.where() + ": " + e.getMessage(), e);
        }
        List<Row> actual;
        try {
            actual = run(plan, n);
        } catch (RowLimitException e) {
            if (n.has("error")) {
                assertThat(e.getMessage()).as(c.where()).contains(n.get("error").asText());
                return;
            }
            throw new AssertionError(c.where() + ": " + e.getMessage(), e);
        }
        if (n.has("error")) {
            fail(c.where() + ": expected error containing [" + n.get("error").asText() + "]");
        }
        JsonNode expected = n.get("result");
        assertThat(actual).as(c.where() + ": result rows " + actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertRow(c.where() + ": row " + i, actual.get(i), expected.get(i), n.path("partial").asBoolean(false));
        }
    }

    /** Pushes the case's events or rows through a new chain of the plan and returns its result rows. */
    private static List<Row> run(QueryPlan plan, JsonNode n) {
        QueryPlan.Chain chain = plan.newChain();
        if (n.has("events")) {
            Normalizer normalizer = new Normalizer(CATALOG);
            for (Event e : events(n.get("events"))) {
                for (QueryPlan.Input input : chain.inputs()) {
                    if (input.source() instanceof QueryPlan.DatasetSource ds) {
                        for (Row record : normalizer.records(e, ds.dataset().key())) {
                            if (ds.filter().test(record)) {
                                input.head().push(record);
                            }
                        }
                    } else if (input.source() instanceof QueryPlan.RawSource raw) {
                        RawEventView view = new RawEventView(e, SEARCH_TIME_FIELDS);
                        if (raw.filter().test(view)) {
                            input.head().push(view.toRow());
                        }
                    }
                }
            }
        } else {
            for (Row row : rows(n.get("rows"))) {
                for (QueryPlan.Input input : chain.inputs()) {
                    // Every pipeline that reads events gets the rows its filter accepts: the main search and
                    // each subsearch of join or append. Generating commands read none.
                    if (!(input.source() instanceof QueryPlan.GeneratedSource) && input.source().filter().test(row)) {
                        Row copy = new Row(row);
                        if (input.source() instanceof QueryPlan.RawSource) {
                            // Rows of a search are raw events, which stand in input order as they do in a run.
                            copy.setRawEventTime(Values.toNumber(row.get("_time")));
                        }
                        input.head().push(copy);
                    }
                }
            }
        }
        chain.finish();
        return chain.results().rows();
    }

    /** Returns the case's {@code limits: {rows: N, groups: M}}, each defaulting to Quarry's default. */
    private static Limits limits(JsonNode n) {
        JsonNode l = n.path("limits");
        int rows = l.path("rows").asInt(Limits.DEFAULT.rows());
        int groups = l.path("groups").asInt(Limits.DEFAULT.groups());
        return new Limits(rows, groups);
    }

    /**
     * Loads the lookups of the test resource folder named by the case's {@code lookups} key, read as a content
     * folder (its {@code lookups/} definitions and CSV files). A case without the key has no lookups.
     */
    private static Lookups lookups(SpecCase c, JsonNode n) {
        if (!n.has("lookups")) {
            return new Lookups();
        }
        String folder = n.get("lookups").asText();
        URL url = SpecRunner.class.getClassLoader().getResource(folder);
        assertThat(url).as(c.where() + ": lookups folder " + folder + " in the test resources").isNotNull();
        ContentPack pack;
        try {
            pack = ContentLoader.load(List.of(Path.of(url.toURI())));
        } catch (URISyntaxException e) {
            throw new AssertionError(c.where() + ": " + e.getMessage(), e);
        }
        assertThat(pack.problems()).as(c.where() + ": problems in " + folder).isEmpty();
        return pack.lookups();
    }

    private static MacroLibrary macros(JsonNode defs) {
        MacroLibrary library = new MacroLibrary();
        library.add(new Macro("drop_dm_object_name", List.of("object"), "rename \"$object$.*\" as *", "spec"));
        if (defs != null) {
            for (JsonNode d : defs) {
                List<String> args = new ArrayList<>();
                d.path("arguments").forEach(a -> args.add(a.asText()));
                library.add(new Macro(d.get("name").asText(), args, d.get("definition").asText(), "spec"));
            }
        }
        return library;
    }

    // ---- macros ---------------------------------------------------------------------------------------------------

    private static void macro(SpecCase c, JsonNode n) {
        MacroLibrary library = macros(n.get("macros"));
        try {
            String text = new MacroExpander(library).expand(n.get("expand").asText()).text();
            if (n.has("error")) {
                fail(c.where() + ": expected an error, got " + text);
            }
            assertThat(text).as(c.where()).isEqualTo(n.get("expansion").asText());
        } catch (MacroException e) {
            if (!n.has("error")) {
                throw new AssertionError(c.where() + ": " + e.getMessage(), e);
            }
            assertThat(e.getMessage()).as(c.where()).contains(n.get("error").asText());
        }
    }

    // ---- risk -------------------------------------------------------------------------------------------------------

    private static void risk(SpecCase c, JsonNode n) {
        JsonNode d = n.get("detection");
        List<Observable> observables = new ArrayList<>();
        for (JsonNode o : d.path("observable")) {
            List<String> roles = new ArrayList<>();
            o.path("role").forEach(r -> roles.add(r.asText()));
            observables.add(new Observable(o.get("name").asText(), o.get("type").asText(), roles));
        }
        Detection detection = DetectionFixtures.detection(d.get("name").asText(), d.get("message").asText(),
                d.get("impact").asInt(), d.get("confidence").asInt(), observables);
        Finding f = RiskAction.apply(detection, row(n.get("row")));
        assertThat(f.riskMessage()).as(c.where() + ": message").isEqualTo(n.get("risk_message").asText());
        assertThat(f.riskScore()).as(c.where() + ": score").isEqualTo(n.path("risk_score").asInt(f.riskScore()));
        if (n.has("risk_objects")) {
            List<String> actual = new ArrayList<>();
            for (RiskEvent e : f.riskEvents()) {
                actual.add(e.riskObjectType() + ":" + e.riskObject() + ":" + e.riskScore());
            }
            List<String> expected = new ArrayList<>();
            n.get("risk_objects").forEach(r -> expected.add(r.asText()));
            assertThat(actual).as(c.where() + ": risk objects").containsExactlyElementsOf(expected);
        }
        if (n.has("threat_objects")) {
            List<String> actual = f.threatObjects().stream().map(t -> t.type() + ":" + t.value()).toList();
            List<String> expected = new ArrayList<>();
            n.get("threat_objects").forEach(r -> expected.add(r.asText()));
            assertThat(actual).as(c.where() + ": threat objects").containsExactlyElementsOf(expected);
        }
    }

    // ---- CIM normalization ----------------------------------------------------------------------------------------

    private static void cim(SpecCase c, JsonNode n) {
        Normalizer normalizer = new Normalizer(CATALOG);
        List<Event> events = events(n.has("events") ? n.get("events") : null);
        if (events.isEmpty()) {
            events = events(YamlList.of(n.get("event")));
        }
        List<Row> records = new ArrayList<>();
        for (Event e : events) {
            records = normalizer.records(e, n.get("dataset").asText());
        }
        if (n.has("record") && n.get("record").isNull()) {
            assertThat(records).as(c.where() + ": no record").isEmpty();
            return;
        }
        assertThat(records).as(c.where() + ": one record for the last event").hasSize(1);
        assertRow(c.where(), records.get(0), n.get("record"), true);
    }

    // ---- values and rows ------------------------------------------------------------------------------------------

    static List<Row> rows(JsonNode node) {
        List<Row> rows = new ArrayList<>();
        if (node != null) {
            node.forEach(r -> rows.add(row(r)));
        }
        return rows;
    }

    static Row row(JsonNode node) {
        Row row = new Row();
        if (node == null) {
            return row;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            row.put(e.getKey(), value(e.getValue()));
        }
        return row;
    }

    /** YAML values as field values: text stays text, numbers become text as in raw events, lists multivalues. */
    static Value value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<Value> values = new ArrayList<>();
            v.forEach(x -> values.add(value(x)));
            return Value.ofValues(values);
        }
        return Value.str(v.asText());
    }

    static List<Event> events(JsonNode node) {
        List<Event> events = new ArrayList<>();
        if (node == null) {
            return events;
        }
        for (JsonNode e : node) {
            Event.Builder b = Event.builder().origin(new Origin("spec", "event " + events.size()));
            b.time(e.path("_time").asLong(1_700_000_000L) * 1_000_000L);
            b.source(e.path("source").asText("")).sourceType(e.path("sourcetype").asText(""));
            Iterator<Map.Entry<String, JsonNode>> it = e.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (List.of("_time", "source", "sourcetype").contains(f.getKey())) {
                    continue;
                }
                if (f.getValue().isArray()) {
                    f.getValue().forEach(x -> b.add(f.getKey(), x.asText()));
                } else if (!f.getValue().isNull()) {
                    b.add(f.getKey(), f.getValue().asText());
                }
            }
            events.add(b.build());
        }
        return events;
    }

    private static void assertRow(String where, Row actual, JsonNode expected, boolean partial) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        expected.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
            assertValue(where + ": field " + e.getKey() + " of " + actual, actual.get(e.getKey()), e.getValue());
        }
        if (!partial) {
            List<String> unexpected = new ArrayList<>(actual.names());
            unexpected.removeAll(fields.keySet());
            assertThat(unexpected).as(where + ": fields not in the expected row").isEmpty();
        }
    }

    private static void assertValue(String where, Value actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual).as(where + ": expected null").isNull();
            return;
        }
        assertThat(actual).as(where + ": expected " + expected).isNotNull();
        if (expected.isArray()) {
            List<String> texts = new ArrayList<>();
            for (Value v : Value.list(actual)) {
                texts.add(v.text());
            }
            List<String> wanted = new ArrayList<>();
            expected.forEach(x -> wanted.add(x.asText()));
            assertThat(texts).as(where).containsExactlyElementsOf(wanted);
            assertThat(actual instanceof Value.Multi || wanted.size() == 1).as(where + ": multivalue").isTrue();
            return;
        }
        if (expected.isBoolean()) {
            assertThat(actual).as(where).isEqualTo(new Value.Bool(expected.asBoolean()));
            return;
        }
        assertThat(actual).as(where + ": a single value").isNotInstanceOf(Value.Multi.class);
        assertThat(actual.text()).as(where).isEqualTo(expected.isNumber() ? Value.formatNumber(expected.asDouble())
                : expected.asText());
    }
}
