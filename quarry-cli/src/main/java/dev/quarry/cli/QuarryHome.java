package dev.quarry.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Quarry installation folder, which holds the default content pack ({@code content/}) and the bundled
 * samples ({@code samples/}). Taken from the {@code quarry.home} system property (the launcher sets it), else the
 * {@code QUARRY_HOME} environment variable, else two levels above the running jar
 * ({@code <home>/quarry-cli/target/quarry.jar}).
 */
final class QuarryHome {
    private QuarryHome() {
    }

    static Path get() {
        String property = System.getProperty("quarry.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv("QUARRY_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(QuarryHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            if (candidate != null && candidate.getParent() != null) {
                candidate = candidate.getParent();
            }
            if (candidate != null && Files.isDirectory(candidate.resolve("content"))) {
                return candidate;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    static Path defaultContent() {
        return get().resolve("content");
    }

    static Path samples() {
        return get().resolve("samples");
    }
}
