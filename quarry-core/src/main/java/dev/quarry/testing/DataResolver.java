package dev.quarry.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the local file of a test's {@code attack_data} entry. A URL is looked up under the data root by the part
 * of its path that starts at {@code datasets/}, which is how the splunk/attack_data repository lays its files out
 * (so a checkout of that repository, or a mirror of the files a test needs, serves as the data root). A local path
 * is taken as it is if it exists, else relative to the content folder the detection came from, else relative to
 * the detection's own folder.
 */
public final class DataResolver {
    private final Path dataRoot;
    private final List<Path> contentRoots;

    public DataResolver(Path dataRoot, List<Path> contentRoots) {
        this.dataRoot = dataRoot;
        this.contentRoots = List.copyOf(contentRoots);
    }

    /** Returns the file, or empty with the places looked at in {@code tried}. */
    public Optional<Path> resolve(String data, String detectionFile, List<String> tried) {
        String location = data.trim();
        if (location.startsWith("http://") || location.startsWith("https://")) {
            int at = location.indexOf("/datasets/");
            if (at < 0) {
                tried.add("a URL without /datasets/ in its path, which cannot be mapped to a local file");
                return Optional.empty();
            }
            if (dataRoot == null) {
                tried.add("no --data-root given for " + location);
                return Optional.empty();
            }
            Path candidate = dataRoot.resolve(location.substring(at + 1));
            return exists(candidate, tried);
        }
        Path given = Path.of(location);
        List<Path> candidates = new ArrayList<>();
        candidates.add(given);
        if (!given.isAbsolute()) {
            for (Path root : contentRoots) {
                candidates.add(root.resolve(location));
            }
            if (detectionFile != null && Path.of(detectionFile).getParent() != null) {
                candidates.add(Path.of(detectionFile).getParent().resolve(location));
            }
        }
        for (Path c : candidates) {
            Optional<Path> found = exists(c, tried);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> exists(Path candidate, List<String> tried) {
        Path p = candidate.normalize();
        if (Files.isRegularFile(p)) {
            return Optional.of(p);
        }
        tried.add(p.toString());
        return Optional.empty();
    }
}
