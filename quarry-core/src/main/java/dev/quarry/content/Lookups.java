package dev.quarry.content;

import dev.quarry.exec.lookup.LookupMatcher;
import dev.quarry.exec.lookup.LookupTable;
import dev.quarry.exec.lookup.MatchType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lookup tables known to the content: lookup definitions (the YAML files of a {@code lookups/} folder), and CSV
 * files by file name. A table is read when a search first uses it, then kept: each file is read at most once,
 * and a file that failed to load fails the same way again without being read again.
 */
public final class Lookups {
    /**
     * Largest lookup file read, because a table is held in memory (a few times its size on disk). ESCU's largest,
     * {@code dynamic_dns_providers_default.csv}, is 2.2 MB with 92,000 rows.
     */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Splunk's default {@code max_matches} for lookups that are not time-based. */
    public static final int DEFAULT_MAX_MATCHES = 1000;

    /**
     * A lookup definition. A CSV lookup has a {@code file}; a KV store lookup has a {@code collection} and no
     * file, and Quarry cannot read it. The matching options are those of Splunk's {@code transforms.conf}.
     */
    public record Definition(String name, Path file, String collection, boolean caseSensitive,
            List<String> wildcardFields, List<String> cidrFields, int maxMatches, int minMatches,
            String defaultMatch, String origin) {
        public Definition {
            wildcardFields = List.copyOf(wildcardFields);
            cidrFields = List.copyOf(cidrFields);
            defaultMatch = defaultMatch == null ? "" : defaultMatch;
        }

        /** A CSV file used by its file name, without a definition: exact, case-sensitive, Splunk's defaults. */
        public static Definition ofFile(Path file) {
            return new Definition(file.getFileName().toString(), file, null, true, List.of(), List.of(),
                    DEFAULT_MAX_MATCHES, 0, "", file.toString());
        }

        public boolean isKvStore() {
            return file == null;
        }

        /** Returns how the definition matches a column: {@code WILDCARD}, {@code CIDR} or else exactly. */
        public MatchType matchType(String column) {
            if (wildcardFields.contains(column)) {
                return MatchType.WILDCARD;
            }
            if (cidrFields.contains(column)) {
                return MatchType.CIDR;
            }
            return MatchType.EXACT;
        }
    }

    private record Loaded(LookupTable table, String error) {
    }

    private record MatcherKey(Definition definition, List<String> columns) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final long maxFileBytes;
    private final Map<Path, Loaded> tables = new ConcurrentHashMap<>();
    private final Map<MatcherKey, LookupMatcher> matchers = new ConcurrentHashMap<>();

    public Lookups() {
        this(MAX_FILE_BYTES);
    }

    /** Creates an empty set of lookups that rejects files over {@code maxFileBytes}. */
    public Lookups(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** Adds a definition, replacing one of the same name; its CSV file also becomes usable by file name. */
    public void add(Definition d) {
        definitions.put(d.name(), d);
        if (d.file() != null) {
            files.putIfAbsent(d.file().getFileName().toString(), d.file());
        }
    }

    /** Adds a CSV file usable by its file name, replacing a file of the same name. */
    public void addFile(Path csv) {
        files.put(csv.getFileName().toString(), csv);
    }

    /**
     * Finds a lookup by definition name, or else by CSV file name (as {@code inputlookup x.csv} names it). A file
     * used by its name has the default matching options, even when a definition points at it, because the search
     * then names no definition.
     */
    public Optional<Definition> find(String name) {
        Definition d = definitions.get(name);
        if (d != null) {
            return Optional.of(d);
        }
        Path file = files.get(name);
        return file == null ? Optional.empty() : Optional.of(Definition.ofFile(file));
    }

    /** The definitions in the order they were added, KV store ones included. */
    public List<Definition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** The definitions that read a KV store collection, which Quarry does not support. */
    public List<Definition> kvStoreDefinitions() {
        List<Definition> out = new ArrayList<>();
        for (Definition d : definitions.values()) {
            if (d.isKvStore()) {
                out.add(d);
            }
        }
        return out;
    }

    /** The number of definitions. */
    public int size() {
        return definitions.size();
    }

    /**
     * Returns the table of a CSV lookup, reading its file on first use.
     *
     * @throws LookupException when the definition is a KV store lookup, or the file is missing, too large or not
     *     valid CSV
     */
    public LookupTable table(Definition d) {
        if (d.isKvStore()) {
            throw new LookupException("lookup " + d.name() + " reads the KV store collection " + d.collection()
                    + ", and Quarry reads only CSV lookups");
        }
        Loaded loaded = tables.computeIfAbsent(d.file().toAbsolutePath().normalize(), this::load);
        if (loaded.error() != null) {
            throw new LookupException(loaded.error());
        }
        return loaded.table();
    }

    private Loaded load(Path file) {
        try {
            return new Loaded(LookupCsv.read(file, maxFileBytes), null);
        } catch (LookupException e) {
            return new Loaded(null, e.getMessage());
        }
    }

    /**
     * Returns the matcher of a definition's table over the given match columns, built on first use and then
     * shared, so that every search using the same lookup the same way shares one index.
     */
    public LookupMatcher matcher(Definition d, List<String> columns) {
        LookupTable table = table(d);
        return matchers.computeIfAbsent(new MatcherKey(d, List.copyOf(columns)), key -> {
            List<LookupMatcher.Column> spec = new ArrayList<>();
            for (String column : key.columns()) {
                int index = table.column(column);
                if (index < 0) {
                    throw new IllegalArgumentException("no column " + column + " in " + table.source());
                }
                spec.add(new LookupMatcher.Column(index, d.matchType(column)));
            }
            return LookupMatcher.build(table, spec, d.caseSensitive());
        });
    }
}
