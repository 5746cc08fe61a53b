package dev.quarry.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.content.Detection;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.risk.Finding;
import dev.quarry.risk.RiskEvent;
import dev.quarry.risk.ThreatObject;
import dev.quarry.run.DetectionResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the findings of a hunt in one of the {@link OutputFormat}s. */
final class FindingWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> META = List.of("detection", "detection_id", "risk_score", "risk_message",
            "mitre_attack_id", "analytic_story", "risk_objects", "threat_objects");

    private FindingWriter() {
    }

    static void write(OutputFormat format, List<DetectionResult> results, PrintWriter out) {
        switch (format) {
            case jsonl -> jsonl(results, out);
            case csv -> csv(results, out);
            case table -> table(results, out);
        }
        out.flush();
    }

    // ---- JSON lines ---------------------------------------------------------------------------------------------

    private static void jsonl(List<DetectionResult> results, PrintWriter out) {
        for (DetectionResult r : results) {
            for (Finding f : r.findings()) {
                out.println(json(f));
            }
        }
    }

    static String json(Finding f) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(sw)) {
            Detection d = f.detection();
            g.writeStartObject();
            g.writeStringField("detection", d.name());
            g.writeStringField("detection_id", d.id());
            g.writeNumberField("risk_score", f.riskScore());
            g.writeStringField("risk_message", f.riskMessage());
            stringArray(g, "mitre_attack_id", d.mitreAttackIds());
            stringArray(g, "analytic_story", d.analyticStories());
            g.writeArrayFieldStart("risk_objects");
            for (RiskEvent e : f.riskEvents()) {
                g.writeStartObject();
                g.writeStringField("field", e.riskObjectField());
                g.writeStringField("value", e.riskObject());
                g.writeStringField("type", e.riskObjectType());
                g.writeNumberField("score", e.riskScore());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("threat_objects");
            for (ThreatObject t : f.threatObjects()) {
                g.writeStartObject();
                g.writeStringField("value", t.value());
                g.writeStringField("type", t.type());
                g.writeEndObject();
            }
            g.writeEndArray();
            for (Map.Entry<String, Value> e : f.row().asMap().entrySet()) {
                if (META.contains(e.getKey())) {
                    continue;
                }
                g.writeFieldName(e.getKey());
                writeValue(g, TimeDisplay.shown(e.getKey(), e.getValue()));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static void writeValue(JsonGenerator g, Value v) throws IOException {
        if (v instanceof Value.Multi m) {
            g.writeStartArray();
            for (Value one : m.values()) {
                writeValue(g, one);
            }
            g.writeEndArray();
        } else if (v instanceof Value.Num n && !Double.isNaN(n.value()) && !Double.isInfinite(n.value())) {
            g.writeNumber(new java.math.BigDecimal(n.text()));
        } else {
            g.writeString(v.text());
        }
    }

    // ---- CSV --------------------------------------------------------------------------------------------------------

    private static void csv(List<DetectionResult> results, PrintWriter out) {
        List<Set<String>> names = new ArrayList<>();
        for (DetectionResult r : results) {
            for (Row row : r.rows()) {
                names.add(row.names());
            }
        }
        Set<String> columns = new LinkedHashSet<>(List.of("detection", "detection_id", "risk_score", "risk_message"));
        columns.addAll(ColumnOrder.of(names));
        out.println(csvLine(new ArrayList<>(columns)));
        for (DetectionResult r : results) {
            for (Finding f : r.findings()) {
                List<String> cells = new ArrayList<>();
                for (String c : columns) {
                    cells.add(switch (c) {
                        case "detection" -> f.detection().name();
                        case "detection_id" -> f.detection().id();
                        case "risk_score" -> Integer.toString(f.riskScore());
                        case "risk_message" -> f.riskMessage();
                        default -> {
                            Value v = f.row().get(c);
                            yield v == null ? "" : TimeDisplay.shown(c, v).text();
                        }
                    });
                }
                out.println(csvLine(cells));
            }
        }
    }

    static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- table for people ----------------------------------------------------------------------------------------

    private static void table(List<DetectionResult> results, PrintWriter out) {
        boolean any = false;
        for (DetectionResult r : results) {
            if (r.findings().isEmpty()) {
                continue;
            }
            any = true;
            Detection d = r.detection().detection();
            out.printf("%s  [risk %d%s%s]  %d result%s%n", d.name(), d.riskScore(),
                    d.mitreAttackIds().isEmpty() ? "" : ", " + String.join(" ", d.mitreAttackIds()),
                    d.analyticStories().isEmpty() ? "" : ", " + String.join("; ", d.analyticStories()),
                    r.findings().size(), r.findings().size() == 1 ? "" : "s");
            for (Finding f : r.findings()) {
                out.println("  * " + (f.riskMessage().isEmpty() ? "(no risk message)" : f.riskMessage()));
                int width = 0;
                for (String name : f.row().names()) {
                    width = Math.max(width, name.length());
                }
                for (Map.Entry<String, Value> e : f.row().asMap().entrySet()) {
                    String text = TimeDisplay.shown(e.getKey(), e.getValue()).text().replace("\n", " | ");
                    if (text.length() > 160) {
                        text = text.substring(0, 157) + "...";
                    }
                    out.printf("      %-" + width + "s  %s%n", e.getKey(), text);
                }
            }
            out.println();
        }
        if (!any) {
            out.println("No results.");
        }
    }
}
