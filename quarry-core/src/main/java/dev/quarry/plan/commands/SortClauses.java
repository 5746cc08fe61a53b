package dev.quarry.plan.commands;

import dev.quarry.exec.op.SortKey;
import dev.quarry.plan.PlanException;
import dev.quarry.spl.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the sort-by clause of {@code sort} and {@code dedup ... sortby}: fields separated by spaces or commas,
 * each with an optional {@code +} or {@code -} (attached, {@code -count}, or on its own, {@code - count}) that
 * applies to that field only, and an optional collation {@code auto(f)}, {@code num(f)}, {@code str(f)} or
 * {@code ip(f)}.
 */
final class SortClauses {
    private SortClauses() {
    }

    /** Parses the words of a clause as {@link dev.quarry.plan.CommandArguments#words()} returns them. */
    static List<SortKey> parse(List<String> words, String command, SourceSpan span) {
        List<SortKey> keys = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals(",")) {
                i++;
                continue;
            }
            boolean descending = false;
            if (word.startsWith("-") || word.startsWith("+")) {
                descending = word.startsWith("-");
                word = word.substring(1);
                if (word.isEmpty()) {
                    i++;
                    if (i >= words.size() || words.get(i).equals(",")) {
                        throw PlanException.invalid(command + ": a field name must follow [" + words.get(i - 1)
                                + "]", span);
                    }
                    word = words.get(i);
                }
            }
            SortKey.Collation collation = SortKey.Collation.AUTO;
            String field = word;
            if (i + 1 < words.size() && words.get(i + 1).equals("(")) {
                collation = collation(word, command, span);
                if (i + 3 >= words.size() || !words.get(i + 3).equals(")")) {
                    throw PlanException.invalid(command + ": expected a field name and ')' after " + word + "(",
                            span);
                }
                field = words.get(i + 2);
                i += 3;
            }
            keys.add(new SortKey(field, descending, collation));
            i++;
        }
        return keys;
    }

    private static SortKey.Collation collation(String function, String command, SourceSpan span) {
        return switch (function.toLowerCase(Locale.ROOT)) {
            case "auto", "num" -> SortKey.Collation.AUTO;
            case "str" -> SortKey.Collation.TEXT;
            case "ip" -> SortKey.Collation.IP;
            default -> throw PlanException.invalid(command + ": unknown sort function " + function
                    + "(); expected auto(), num(), str() or ip()", span);
        };
    }
}
