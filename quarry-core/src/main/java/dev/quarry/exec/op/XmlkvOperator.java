package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code xmlkv}: sets a field for every XML element in a field's text that contains only text, named after the
 * element ({@code <Command>cmd.exe</Command>} gives {@code Command=cmd.exe}). The text need not be a well-formed
 * document, as in Windows message text that embeds XML. Entities are decoded; an element that occurs several
 * times gives a multivalue field, and an empty element gives nothing.
 */
public final class XmlkvOperator implements Operator {
    private static final Pattern LEAF = Pattern.compile("<([A-Za-z_][\\w.:-]*)(?:\\s[^<>]*)?>([^<]*)</\\1\\s*>");
    private static final Pattern ENTITY =
            Pattern.compile("&(?:#(\\d{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos));");

    private final String field;
    private final Operator next;

    public XmlkvOperator(String field, Operator next) {
        this.field = field;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        Value v = row.get(field);
        if (v != null) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (Value one : Value.list(v)) {
                Matcher m = LEAF.matcher(one.text());
                while (m.find()) {
                    String text = decode(m.group(2));
                    if (!text.isEmpty()) {
                        fields.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(text);
                    }
                }
            }
            for (Map.Entry<String, List<String>> f : fields.entrySet()) {
                row.put(f.getKey(), Value.ofStrings(f.getValue()));
            }
        }
        next.push(row);
    }

    /** Replaces the predefined entities and numeric character references; others stay as written. */
    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null || m.group(2) != null) {
                int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                replacement = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
            } else {
                replacement = switch (m.group(3)) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    default -> "'";
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public void finish() {
        next.finish();
    }
}
