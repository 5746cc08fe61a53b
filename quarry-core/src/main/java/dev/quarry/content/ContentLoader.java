package dev.quarry.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.spl.macro.Macro;
import dev.quarry.spl.macro.MacroLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads detection content from folders. A folder may be a security_content checkout (its {@code detections/},
 * {@code macros/} and {@code lookups/} are read) or any folder of YAML files, each recognized by its keys: a
 * detection has {@code name} and {@code search}, a macro {@code name} and {@code definition}, a lookup
 * definition {@code name} and {@code filename}. Files that cannot be read are reported and skipped; loading never
 * stops at a bad file.
 */
public final class ContentLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Largest content file read; ESCU's largest YAML is about 20 KB. */
    static final long MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final List<ContentProblem> problems = new ArrayList<>();
    private final Map<String, Detection> detections = new LinkedHashMap<>();
    private final MacroLibrary macros = new MacroLibrary();
    private final Lookups lookups = new Lookups();

    public ContentLoader() {
        loadBuiltInMacros();
    }

    /** Loads the given folders in order; a later detection or macro with the same name replaces an earlier one. */
    public static ContentPack load(List<Path> folders) {
        ContentLoader loader = new ContentLoader();
        for (Path folder : folders) {
            loader.loadFolder(folder);
        }
        return loader.pack();
    }

    public ContentPack pack() {
        return new ContentPack(new ArrayList<>(detections.values()), macros, lookups, problems);
    }

    public void loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            problems.add(new ContentProblem(folder.toString(), "not a folder"));
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".yml") || n.endsWith(".yaml");
                    })
                    .filter(p -> !isOutsideContent(folder, p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(folder.toString(), "cannot list folder: " + e.getMessage()));
            return;
        }
        for (Path file : files) {
            loadFile(file);
        }
    }

    /**
     * In a security_content checkout, reads only detections, macros and lookups; deprecated detections and the
     * repository's other YAML (stories, data sources, deployments, workflows) are not content to run.
     */
    private static boolean isOutsideContent(Path root, Path file) {
        if (!Files.isDirectory(root.resolve("detections")) || !Files.isDirectory(root.resolve("macros"))) {
            return false;
        }
        Path rel = root.relativize(file);
        String top = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
        if (top.equals("detections")) {
            return rel.getNameCount() > 2 && rel.getName(1).toString().equals("deprecated");
        }
        return !top.equals("macros") && !top.equals("lookups");
    }

    private void loadFile(Path file) {
        JsonNode node;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new ContentProblem(file.toString(), "skipped: larger than " + MAX_FILE_BYTES + " bytes"));
                return;
            }
            node = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            problems.add(new ContentProblem(file.toString(), where + "invalid YAML: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            problems.add(new ContentProblem(file.toString(), "cannot read: " + e.getMessage()));
            return;
        }
        if (node == null || !node.isObject()) {
            problems.add(new ContentProblem(file.toString(), "not a YAML mapping; expected a detection, macro or"
                    + " lookup definition"));
            return;
        }
        try {
            if (node.has("search")) {
                Detection d = DetectionParser.parse(node, file, searchLine(file));
                detections.put(d.name(), d);
            } else if (node.has("definition")) {
                macros.add(macro(node, file));
            } else if (node.has("filename") || node.has("collection")) {
                lookup(node, file);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ContentProblem(file.toString(), e.getMessage()));
        }
    }

    private static int searchLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("search:")) {
                    return i + 1;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
        return 0;
    }

    private static Macro macro(JsonNode node, Path file) {
        String name = DetectionParser.requiredText(node, "name");
        List<String> args = new ArrayList<>();
        JsonNode a = node.get("arguments");
        if (a != null && a.isArray()) {
            a.forEach(arg -> args.add(arg.asText().trim()));
        } else if (a != null && a.isTextual()) {
            for (String arg : a.asText().split(",")) {
                if (!arg.isBlank()) {
                    args.add(arg.trim());
                }
            }
        }
        JsonNode def = node.get("definition");
        return new Macro(name, args, def == null || def.isNull() ? "" : def.asText(), file.toString());
    }

    private void lookup(JsonNode node, Path file) {
        String name = DetectionParser.requiredText(node, "name");
        JsonNode filename = node.get("filename");
        if (filename == null || filename.asText().isBlank()) {
            return;
        }
        Path csv = file.resolveSibling(filename.asText());
        boolean caseSensitive = !node.path("case_sensitive_match").asText("true").equalsIgnoreCase("false");
        List<String> wildcard = new ArrayList<>();
        List<String> cidr = new ArrayList<>();
        String matchType = node.path("match_type").asText("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(WILDCARD|CIDR)\\(([^)]*)\\)").matcher(matchType);
        while (m.find()) {
            (m.group(1).equals("WILDCARD") ? wildcard : cidr).add(m.group(2).trim());
        }
        int maxMatches = node.path("max_matches").asInt(1000);
        lookups.add(new Lookups.Definition(name, csv, caseSensitive, wildcard, cidr, maxMatches, file.toString()));
    }

    /** Macros that ESCU content calls but other Splunk apps define, starting with the CIM's. */
    private void loadBuiltInMacros() {
        try (InputStream in = ContentLoader.class.getResourceAsStream("builtin-macros.yml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource builtin-macros.yml");
            }
            for (JsonNode m : YAML.readTree(in)) {
                macros.add(macro(m, Path.of("built-in")));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
