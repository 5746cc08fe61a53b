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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads detection content from folders. A folder may be a security_content checkout (its {@code detections/},
 * {@code macros/} and {@code lookups/} are read) or any folder of YAML files, each recognized by its keys: a
 * detection has {@code name} and {@code search}, a macro {@code name} and {@code definition}, a lookup
 * definition {@code name} and {@code filename} (a CSV file beside it) or {@code collection} (a KV store
 * collection). CSV files in a folder named {@code lookups} are lookups by file name too. Lookup files are only
 * registered here; {@link Lookups} reads a table when a search first uses it. Files that cannot be read are
 * reported and skipped; loading never stops at a bad file.
 */
public final class ContentLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Largest content file read; ESCU's largest YAML is about 20 KB. */
    static final long MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** One entry of a lookup definition's match_type list, such as {@code WILDCARD(process)}. */
    private static final Pattern MATCH_TYPE = Pattern.compile("(?i)(WILDCARD|CIDR|EXACT)\\s*\\(([^()]*)\\)");

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
                    .filter(p -> isYaml(p) || isLookupCsv(p))
                    .filter(p -> !isOutsideContent(folder, p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(folder.toString(), "cannot list folder: " + e.getMessage()));
            return;
        }
        for (Path file : files) {
            if (isYaml(file)) {
                loadFile(file);
            } else {
                lookups.addFile(file);
            }
        }
    }

    private static boolean isYaml(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    private static boolean isLookupCsv(Path file) {
        Path parent = file.getParent();
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && parent != null
                && parent.getFileName() != null && parent.getFileName().toString().equals("lookups");
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
        lookups.add(lookupDefinition(node, file));
    }

    /**
     * Reads a lookup definition in security_content's YAML form, whose keys are those of Splunk's
     * {@code transforms.conf}: {@code filename} or {@code collection}, {@code match_type} (a comma-separated list
     * of {@code WILDCARD(column)}, {@code CIDR(column)} and {@code EXACT(column)}), {@code case_sensitive_match},
     * {@code max_matches}, {@code min_matches} and {@code default_match}. Other keys are descriptive.
     *
     * @throws IllegalArgumentException naming the key and value that are invalid
     */
    static Lookups.Definition lookupDefinition(JsonNode node, Path file) {
        String name = DetectionParser.requiredText(node, "name");
        String filename = text(node, "filename");
        String collection = text(node, "collection");
        Path csv = null;
        if (filename != null) {
            if (filename.contains("/") || filename.contains("\\")) {
                throw new IllegalArgumentException("lookup " + name + ": filename must name a file in the same"
                        + " folder, not a path: [" + filename + "]");
            }
            csv = file.resolveSibling(filename);
            collection = null;
        } else if (collection == null) {
            throw new IllegalArgumentException("lookup " + name + ": needs a filename (a CSV file) or a collection");
        }
        boolean caseSensitive = booleanSetting(node, "case_sensitive_match", true, name);
        List<String> wildcard = new ArrayList<>();
        List<String> cidr = new ArrayList<>();
        String matchType = text(node, "match_type");
        if (matchType != null) {
            Matcher m = MATCH_TYPE.matcher(matchType);
            int end = 0;
            while (m.find()) {
                checkMatchTypeGap(matchType.substring(end, m.start()), name);
                String type = m.group(1).toUpperCase(Locale.ROOT);
                if (type.equals("WILDCARD")) {
                    wildcard.add(m.group(2).trim());
                } else if (type.equals("CIDR")) {
                    cidr.add(m.group(2).trim());
                }
                end = m.end();
            }
            checkMatchTypeGap(matchType.substring(end), name);
        }
        int maxMatches = intSetting(node, "max_matches", Lookups.DEFAULT_MAX_MATCHES, 1, Lookups.DEFAULT_MAX_MATCHES,
                name);
        int minMatches = intSetting(node, "min_matches", 0, 0, Lookups.DEFAULT_MAX_MATCHES, name);
        String defaultMatch = text(node, "default_match");
        return new Lookups.Definition(name, csv, collection, caseSensitive, wildcard, cidr, maxMatches, minMatches,
                defaultMatch == null ? "" : defaultMatch, file.toString());
    }

    /** Rejects anything but commas and spaces between the entries of a match_type list. */
    private static void checkMatchTypeGap(String gap, String lookup) {
        if (!gap.chars().allMatch(c -> c == ',' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("lookup " + lookup + ": match_type must list WILDCARD(<column>),"
                    + " CIDR(<column>) or EXACT(<column>) entries separated by commas, not ["
                    + gap.replaceAll("^[,\\s]+|[,\\s]+$", "") + "]");
        }
    }

    /** Returns the text of a scalar setting, or null when it is absent, null or blank. */
    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            return null;
        }
        return v.asText().trim();
    }

    private static boolean booleanSetting(JsonNode node, String key, boolean fallback, String lookup) {
        String v = text(node, key);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new IllegalArgumentException("lookup " + lookup + ": " + key
                    + " must be true or false, not [" + v + "]");
        };
    }

    private static int intSetting(JsonNode node, String key, int fallback, int min, int max, String lookup) {
        String v = text(node, key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new IllegalArgumentException("lookup " + lookup + ": " + key + " must be a whole number from " + min
                + " to " + max + ", not [" + v + "]");
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
