package dev.quarry.exec.op;

import dev.quarry.exec.Regexes;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * {@code rex}: matches a regular expression against a field and sets a field for each named group that captured
 * something. Up to {@code maxMatch} matches count (0 for no limit); a group that captured in several matches
 * gives a multivalue field, in match order. A multivalue input is matched value by value, in order, and the
 * matches of all values count together.
 *
 * <p>A group that captured nothing, because the expression did not match or the group did not take part, leaves
 * a field of the same name as it was. When two groups share a name, the first that captured in a match wins.
 * A value whose matching exceeds the step budget of {@link Regexes} gives no further matches.
 */
public final class RexOperator implements Operator {
    private final String field;
    private final Regexes.Compiled regex;
    private final int maxMatch;
    private final Operator next;

    public RexOperator(String field, Regexes.Compiled regex, int maxMatch, Operator next) {
        this.field = field;
        this.regex = regex;
        this.maxMatch = maxMatch;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        Value input = row.get(field);
        if (input != null) {
            for (Map.Entry<String, List<String>> e : extract(input).entrySet()) {
                row.put(e.getKey(), Value.ofStrings(e.getValue()));
            }
        }
        next.push(row);
    }

    private Map<String, List<String>> extract(Value input) {
        Map<String, List<String>> captures = new LinkedHashMap<>();
        List<String> names = regex.groupNames();
        List<String> javaNames = regex.javaGroupNames();
        int matches = 0;
        for (Value one : Value.list(input)) {
            if (maxMatch > 0 && matches >= maxMatch) {
                break;
            }
            Matcher m = Regexes.matcher(regex, one.text());
            try {
                while ((maxMatch == 0 || matches < maxMatch) && m.find()) {
                    matches++;
                    List<String> setInThisMatch = new ArrayList<>();
                    for (int g = 0; g < names.size(); g++) {
                        String name = names.get(g);
                        String captured = m.group(javaNames.get(g));
                        if (captured != null && !setInThisMatch.contains(name)) {
                            setInThisMatch.add(name);
                            captures.computeIfAbsent(name, k -> new ArrayList<>()).add(captured);
                        }
                    }
                }
            } catch (Regexes.BudgetExceeded e) {
                // The matches found before the budget ran out stand; the rest of this value is not searched.
            }
        }
        return captures;
    }

    @Override
    public void finish() {
        next.finish();
    }
}
