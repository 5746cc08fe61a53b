package dev.quarry.exec.op;

import dev.quarry.exec.Regexes;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code makemv}: splits a field into a multivalue, either at each occurrence of a delimiter string or into the
 * matches of a tokenizer regular expression (the first capturing group of each match, or the whole match when
 * the expression has no group). Empty values are dropped unless {@code allowEmpty}; a field left with no value
 * is removed. Each value of a field that is already multivalue is split in turn.
 */
public final class MakemvOperator implements Operator {
    private final String field;
    private final String delimiter;
    private final Regexes.Compiled tokenizer;
    private final boolean allowEmpty;
    private final Operator next;

    /** Exactly one of {@code delimiter} and {@code tokenizer} is non-null. */
    public MakemvOperator(String field, String delimiter, Regexes.Compiled tokenizer, boolean allowEmpty,
            Operator next) {
        this.field = field;
        this.delimiter = delimiter;
        this.tokenizer = tokenizer;
        this.allowEmpty = allowEmpty;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        Value input = row.get(field);
        if (input != null) {
            List<String> values = new ArrayList<>();
            for (Value one : Value.list(input)) {
                if (tokenizer != null) {
                    tokenize(one.text(), values);
                } else {
                    split(one.text(), values);
                }
            }
            row.put(field, Value.ofStrings(values));
        }
        next.push(row);
    }

    private void split(String text, List<String> out) {
        int start = 0;
        while (true) {
            int at = delimiter.isEmpty() ? -1 : text.indexOf(delimiter, start);
            String part = at < 0 ? text.substring(start) : text.substring(start, at);
            if (allowEmpty || !part.isEmpty()) {
                out.add(part);
            }
            if (at < 0) {
                return;
            }
            start = at + delimiter.length();
        }
    }

    private void tokenize(String text, List<String> out) {
        Matcher m = Regexes.matcher(tokenizer, text);
        try {
            while (m.find()) {
                String token = m.groupCount() > 0 ? m.group(1) : m.group();
                if (token != null && (allowEmpty || !token.isEmpty())) {
                    out.add(token);
                }
            }
        } catch (Regexes.BudgetExceeded e) {
            // The tokens found before the budget ran out stand.
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}
