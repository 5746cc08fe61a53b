package dev.quarry.cim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.exec.EvalCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.exec.CompileException;
import dev.quarry.spl.Spl;
import dev.quarry.spl.SplSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The data model datasets and source mappings in use: Quarry's own, loaded from the resources listed in
 * {@code dev/quarry/cim/index.txt}, plus any YAML files a user adds. A user file with the same dataset key or
 * mapping name replaces the built-in one.
 */
public final class CimCatalog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String INDEX = "dev/quarry/cim/index.txt";

    private final Map<String, DatasetDefinition> datasets = new LinkedHashMap<>();
    private final Map<String, SourceMapping> mappings = new LinkedHashMap<>();
    private final Map<String, Extraction> extractions = new LinkedHashMap<>();
    private final Map<String, EventType> eventTypes = new LinkedHashMap<>();
    private final EvalCompiler compiler = new EvalCompiler(new EvalContext(0));

    /** Loads the built-in datasets and mappings. */
    public static CimCatalog builtIn() {
        CimCatalog catalog = new CimCatalog();
        ClassLoader loader = CimCatalog.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IllegalStateException("missing resource " + INDEX);
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String resource = line.strip();
                if (resource.isEmpty() || resource.startsWith("#")) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream("dev/quarry/cim/" + resource)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource dev/quarry/cim/" + resource);
                    }
                    catalog.load(YAML.readTree(in), "built-in " + resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog;
    }

    /** Adds every {@code .yml}/{@code .yaml} file under {@code dir}; errors name the file and what is wrong. */
    public void loadDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode node;
            try {
                node = YAML.readTree(f.toFile());
            } catch (IOException e) {
                throw new CimDefinitionException(f + ": invalid YAML: " + e.getMessage());
            }
            load(node, f.toString());
        }
    }

    private void load(JsonNode node, String origin) {
        if (node == null || !node.isObject()) {
            throw new CimDefinitionException(origin + ": expected a YAML mapping with a 'dataset' or 'mapping' key");
        }
        if (node.has("mapping")) {
            SourceMapping m = mapping(node, origin);
            mappings.put(m.name(), m);
        } else if (node.has("extraction")) {
            Extraction e = extraction(node, origin);
            extractions.put(e.name(), e);
        } else if (node.has("eventtypes")) {
            node.get("eventtypes").fields().forEachRemaining(e -> {
                String text = e.getValue().asText();
                eventTypes.put(e.getKey(), new EventType(e.getKey(), text, filter(text, origin, "eventtype "
                        + e.getKey()), origin));
            });
        } else if (node.has("datamodel")) {
            DatasetDefinition d = dataset(node, origin);
            datasets.put(d.key(), d);
        } else {
            throw new CimDefinitionException(origin + ": expected a 'mapping' key (a source mapping), an 'extraction'"
                    + " key (search-time fields), an 'eventtypes' key or a 'datamodel' key (a dataset definition)");
        }
    }

    private DatasetDefinition dataset(JsonNode node, String origin) {
        String datamodel = text(node, "datamodel", origin);
        String object = text(node, "dataset", origin);
        List<String> fields = new ArrayList<>();
        node.path("fields").forEach(f -> fields.add(f.asText()));
        List<DatasetDefinition.Calculated> calculated = new ArrayList<>();
        for (JsonNode c : node.path("calculated")) {
            String field = text(c, "field", origin);
            String expression = text(c, "eval", origin);
            calculated.add(new DatasetDefinition.Calculated(field, expression, compile(expression, origin, field)));
        }
        return new DatasetDefinition(datamodel, object, fields, calculated, origin);
    }

    private dev.quarry.exec.RowPredicate filter(String text, String origin, String what) {
        try {
            return dev.quarry.exec.SearchPredicates.compile(Spl.parseSearch(text));
        } catch (SplSyntaxException e) {
            throw new CimDefinitionException(origin + ": " + what + " is not a valid search: " + e.getMessage());
        }
    }

    private List<SourceMapping.FieldRule> fieldRules(JsonNode node, String origin) {
        List<SourceMapping.FieldRule> rules = new ArrayList<>();
        JsonNode fields = node.path("fields");
        if (!fields.isObject()) {
            throw new CimDefinitionException(origin + ": 'fields' must map each field to an eval expression");
        }
        fields.fields().forEachRemaining(e -> {
            String expression = e.getValue().asText();
            rules.add(new SourceMapping.FieldRule(e.getKey(), expression, compile(expression, origin, e.getKey())));
        });
        return rules;
    }

    private Extraction extraction(JsonNode node, String origin) {
        String name = text(node, "extraction", origin);
        String whenText = text(node, "when", origin);
        return new Extraction(name, whenText, filter(whenText, origin, "'when'"), fieldRules(node, origin), origin);
    }

    private SourceMapping mapping(JsonNode node, String origin) {
        String name = text(node, "mapping", origin);
        String dataset = text(node, "dataset", origin);
        String whenText = text(node, "when", origin);
        dev.quarry.exec.RowPredicate when = filter(whenText, origin, "'when'");
        List<SourceMapping.FieldRule> rules = fieldRules(node, origin);
        SourceMapping.EarlierProcess earlier = null;
        JsonNode ep = node.get("earlier_process");
        if (ep != null) {
            List<String> thisKey = new ArrayList<>();
            ep.path("this").forEach(k -> thisKey.add(k.asText()));
            List<String> earlierKey = new ArrayList<>();
            ep.path("earlier").forEach(k -> earlierKey.add(k.asText()));
            Map<String, String> fill = new LinkedHashMap<>();
            ep.path("fill").fields().forEachRemaining(f -> fill.put(f.getKey(), f.getValue().asText()));
            if (thisKey.isEmpty() || thisKey.size() != earlierKey.size() || fill.isEmpty()) {
                throw new CimDefinitionException(origin + ": 'earlier_process' needs 'this' and 'earlier' key lists of"
                        + " the same length and a 'fill' mapping");
            }
            earlier = new SourceMapping.EarlierProcess(thisKey, earlierKey, fill);
        }
        return new SourceMapping(name, dataset, whenText, when, rules, earlier, origin);
    }

    private dev.quarry.exec.Evaluator compile(String expression, String origin, String field) {
        try {
            return compiler.compile(Spl.parseExpression(expression));
        } catch (SplSyntaxException | CompileException e) {
            throw new CimDefinitionException(origin + ": field " + field + ": invalid eval expression ["
                    + expression + "]: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String key, String origin) {
        JsonNode v = node.get(key);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new CimDefinitionException(origin + ": missing '" + key + "'");
        }
        return v.asText();
    }

    public Optional<DatasetDefinition> dataset(String key) {
        return Optional.ofNullable(datasets.get(key));
    }

    public Collection<DatasetDefinition> datasets() {
        return datasets.values();
    }

    public Collection<SourceMapping> mappings() {
        return mappings.values();
    }

    public Collection<Extraction> extractions() {
        return extractions.values();
    }

    public Collection<EventType> eventTypes() {
        return eventTypes.values();
    }

    /** Thrown for a dataset or mapping file that cannot be used. */
    public static final class CimDefinitionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CimDefinitionException(String message) {
            super(message);
        }
    }
}
