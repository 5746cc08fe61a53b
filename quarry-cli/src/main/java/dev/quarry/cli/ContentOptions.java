package dev.quarry.cli;

import dev.quarry.cim.CimCatalog;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.ContentLoader;
import dev.quarry.content.ContentPack;
import dev.quarry.content.ContentProblem;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by the commands that run detections: which content, which detections, which mappings. */
final class ContentOptions {
    @Option(names = "--content", paramLabel = "DIR",
            description = "Detection content: a security_content checkout or a folder of detection and macro "
                    + "YAML files, with lookup definitions and CSV tables in lookups/ folders. Repeatable; later "
                    + "folders override earlier ones. Default: Quarry's own content pack.")
    List<Path> content = new ArrayList<>();

    @Option(names = "--detection", paramLabel = "NAME",
            description = "Run only this detection (its name, case-insensitive, or its YAML file), or the"
                    + " detections of a content folder (such as detections/endpoint). Repeatable.")
    List<String> detections = new ArrayList<>();

    @Option(names = "--now", paramLabel = "TIME",
            description = "The time that now() and relative times such as -7d refer to: an ISO-8601 instant"
                    + " (2024-05-01T00:00:00Z) or epoch seconds. Default: the wall clock. Fix it to make runs over"
                    + " old recordings repeatable.")
    String now;

    @Option(names = "--mappings", paramLabel = "DIR",
            description = "Extra CIM dataset definitions and source mappings (YAML), added to the built-in ones.")
    List<Path> mappings = new ArrayList<>();

    /** The content folders to load: the given ones, or the default pack. */
    List<Path> folders() {
        List<Path> folders = content.isEmpty() ? List.of(QuarryHome.defaultContent()) : content;
        for (Path f : folders) {
            if (Files.isRegularFile(f)) {
                throw new UsageException("--content " + f + ": is a file, and --content takes a folder; pass its folder"
                        + " with --content, and the file with --detection to pick it");
            }
            if (!Files.isDirectory(f)) {
                throw new UsageException("content folder not found: " + f
                        + (content.isEmpty() ? " (the default pack; set QUARRY_HOME or pass --content)" : ""));
            }
        }
        return folders;
    }

    CimCatalog catalog() {
        CimCatalog catalog = CimCatalog.builtIn();
        for (Path dir : mappings) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException("mappings folder not found: " + dir);
            }
            try {
                catalog.loadDirectory(dir);
            } catch (IOException e) {
                throw new UsageException("cannot read mappings folder " + dir + ": " + e.getMessage());
            } catch (CimCatalog.CimDefinitionException e) {
                throw new UsageException("invalid mapping: " + e.getMessage());
            }
        }
        return catalog;
    }

    ContentPack load(PrintWriter err) {
        ContentPack pack = ContentLoader.load(folders());
        for (ContentProblem p : pack.problems()) {
            err.println("warning: content file skipped: " + p);
        }
        return pack;
    }

    /** The detections selected with {@code --detection}, or all of them; an unknown name is a usage error. */
    /** The evaluation context of the run: {@code --now} or the wall clock. */
    EvalContext evalContext() {
        if (now == null) {
            return EvalContext.atWallClock();
        }
        try {
            return new EvalContext(Double.parseDouble(now));
        } catch (NumberFormatException notANumber) {
            try {
                java.time.Instant t = java.time.Instant.parse(now);
                return new EvalContext(t.getEpochSecond() + t.getNano() / 1e9);
            } catch (java.time.format.DateTimeParseException e) {
                throw new UsageException("--now must be an ISO-8601 instant such as 2024-05-01T00:00:00Z or epoch"
                        + " seconds, not " + now);
            }
        }
    }

    /** True when detections were chosen one by one (by name or file) rather than by folder or not at all. */
    boolean choseByName() {
        return detections.stream().anyMatch(w -> !isDirectory(resolve(w)));
    }

    List<Detection> select(ContentPack pack) {
        if (detections.isEmpty()) {
            return pack.detections();
        }
        Set<Detection> selected = new LinkedHashSet<>();
        for (String selector : detections) {
            String path = resolve(selector);
            boolean found = false;
            for (Detection d : pack.detections()) {
                if (d.name().equalsIgnoreCase(selector) || sameFile(d.file(), path) || inFolder(d.file(), path)) {
                    selected.add(d);
                    found = true;
                }
            }
            if (!found) {
                throw new UsageException(notFound(selector, path));
            }
        }
        return new ArrayList<>(selected);
    }

    /**
     * Returns the selector when it is an existing path, else that path inside the first content folder that has
     * it, so that {@code --detection detections/endpoint} works from anywhere. Otherwise returns the selector
     * unchanged, as a detection name.
     */
    private String resolve(String selector) {
        try {
            if (Files.exists(Path.of(selector))) {
                return selector;
            }
            for (Path folder : folders()) {
                Path inside = folder.resolve(selector);
                if (Files.exists(inside)) {
                    return inside.toString();
                }
            }
        } catch (java.nio.file.InvalidPathException notAPath) {
            // A detection name with characters that a path cannot have.
        }
        return selector;
    }

    private static boolean isDirectory(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }

    private String notFound(String selector, String path) {
        String lower = selector.toLowerCase(Locale.ROOT);
        boolean looksLikePath = selector.contains("/") || selector.contains("\\") || lower.endsWith(".yml")
                || lower.endsWith(".yaml");
        if (looksLikePath && (isDirectory(path) || Files.isRegularFile(Path.of(path)))) {
            return "--detection " + selector + ": no detection of the content folders " + folders() + " is there; add"
                    + " the folder that holds it with --content";
        }
        if (looksLikePath) {
            return "--detection " + selector + ": file or folder not found, neither here nor in the content folders "
                    + folders();
        }
        return "no detection named '" + selector + "' in " + folders() + "; names are matched whole, ignoring case"
                + " (quarry content check lists them)";
    }

    private static boolean inFolder(String file, String wanted) {
        Path folder = Path.of(wanted);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            return Path.of(file).toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFile(String file, String wanted) {
        if (!wanted.toLowerCase(Locale.ROOT).endsWith(".yml") && !wanted.toLowerCase(Locale.ROOT).endsWith(".yaml")) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(file), Path.of(wanted));
        } catch (IOException e) {
            return false;
        }
    }

    static List<CompiledDetection> compile(List<Detection> detections, ContentPack pack, CimCatalog catalog,
            EvalContext context) {
        Planner planner = new Planner(catalog, context, pack.lookups());
        DetectionCompiler compiler = new DetectionCompiler(pack.macros(), planner);
        List<CompiledDetection> out = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            out.add(compiler.compile(d));
        }
        return out;
    }
}
