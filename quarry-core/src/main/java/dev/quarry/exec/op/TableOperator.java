package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code table} keeps the listed fields in the listed order ({@code *} wildcards allowed, matched
 * case-sensitively here, as field names are); {@code fields} keeps them in their current order, or with
 * {@code fields -} removes them. {@code fields} never removes the internal fields {@code _time} and {@code _raw}
 * unless they are named.
 */
public final class TableOperator implements Operator {
    public enum Mode { TABLE, KEEP, REMOVE }

    private final Mode mode;
    private final List<String> fields;
    private final Operator next;

    public TableOperator(Mode mode, List<String> fields, Operator next) {
        this.mode = mode;
        this.fields = List.copyOf(fields);
        this.next = next;
    }

    @Override
    public void push(Row row) {
        switch (mode) {
            case TABLE -> {
                Row out = new Row();
                for (String f : fields) {
                    for (String name : matching(row, f)) {
                        if (!out.has(name)) {
                            out.put(name, row.get(name));
                        }
                    }
                }
                next.push(out);
            }
            case KEEP -> {
                for (String name : row.nameList()) {
                    boolean keep = name.equals("_time") || name.equals("_raw");
                    for (String f : fields) {
                        if (matches(f, name)) {
                            keep = true;
                            break;
                        }
                    }
                    if (!keep) {
                        row.remove(name);
                    }
                }
                next.push(row);
            }
            case REMOVE -> {
                for (String name : row.nameList()) {
                    for (String f : fields) {
                        if (matches(f, name)) {
                            row.remove(name);
                            break;
                        }
                    }
                }
                next.push(row);
            }
        }
    }

    private static List<String> matching(Row row, String pattern) {
        if (pattern.indexOf('*') < 0) {
            return List.of(pattern);
        }
        List<String> out = new ArrayList<>();
        for (String name : row.names()) {
            if (matches(pattern, name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(name);
        }
        return caseSensitiveGlob(pattern, name);
    }

    private static boolean caseSensitiveGlob(String pattern, String name) {
        String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return name.matches(regex);
    }

    @Override
    public void finish() {
        next.finish();
    }
}
