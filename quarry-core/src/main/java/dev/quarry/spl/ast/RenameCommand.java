package dev.quarry.spl.ast;

import java.util.List;

/** {@code rename A as B, ...}; names may carry {@code *} wildcards, the same number on both sides. */
public record RenameCommand(List<Rename> renames, SourceSpan span) implements Command {
    public RenameCommand {
        renames = List.copyOf(renames);
    }

    @Override
    public String name() {
        return "rename";
    }

    public record Rename(String from, String to, SourceSpan span) {
    }
}
