package dev.quarry.risk;

import dev.quarry.content.Detection;
import dev.quarry.content.RiskObjectSpec;
import dev.quarry.content.ThreatObjectSpec;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns result rows into findings and risk events, as Splunk ES's risk action does for ESCU detections:
 * <ul>
 *   <li>the message replaces each {@code $field$} with the row's value of that field; a multivalue field
 *       renders its values joined by {@code ", "} and a missing field renders as nothing;</li>
 *   <li>each risk object field present in the row gives one risk event per value; a row without the field
 *       gives no risk event for it;</li>
 *   <li>every risk event carries all threat objects of the row, one per value of each threat object field.</li>
 * </ul>
 */
public final class RiskAction {
    /** Tokens as contentctl recognizes them: a dollar sign, non-space characters, a dollar sign. */
    private static final Pattern TOKEN = Pattern.compile("\\$(\\S+?)\\$");

    private RiskAction() {
    }

    public static Finding apply(Detection d, Row row) {
        String message = substitute(d.riskMessage() == null ? "" : d.riskMessage(), row);
        List<ThreatObject> threats = new ArrayList<>();
        for (ThreatObjectSpec spec : d.threatObjects()) {
            for (Value v : Value.list(row.get(spec.field()))) {
                threats.add(new ThreatObject(v.text(), spec.type()));
            }
        }
        List<RiskEvent> events = new ArrayList<>();
        Double time = Values.toNumber(row.get("_time"));
        for (RiskObjectSpec spec : d.riskObjects()) {
            for (Value v : Value.list(row.get(spec.field()))) {
                events.add(new RiskEvent("ESCU - " + d.name() + " - Rule", v.text(), spec.type(), spec.field(),
                        spec.score(), message, threats, d.analyticStories(), d.mitreAttackIds(),
                        time == null ? 0 : time));
            }
        }
        return new Finding(d, row, d.riskScore(), message, events, threats);
    }

    public static String substitute(String message, Row row) {
        Matcher m = TOKEN.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Value v = row.get(m.group(1));
            String text;
            if (v == null) {
                text = "";
            } else {
                List<String> parts = new ArrayList<>();
                for (Value one : Value.list(v)) {
                    parts.add(one.text());
                }
                text = String.join(", ", parts);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
