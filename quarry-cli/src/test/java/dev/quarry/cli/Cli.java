package dev.quarry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and keeps its exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The repository folder, which holds the content pack and the samples. */
    static Path home() {
        return Path.of(System.getProperty("quarry.home", "..")).toAbsolutePath().normalize();
    }

    static String samples(String relative) {
        return home().resolve("samples").resolve(relative).toString();
    }
}
