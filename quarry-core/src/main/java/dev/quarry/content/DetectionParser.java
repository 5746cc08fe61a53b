package dev.quarry.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads one detection from its YAML tree; throws {@link IllegalArgumentException} naming what is missing. */
final class DetectionParser {
    private DetectionParser() {
    }

    static Detection parse(JsonNode node, Path file, int searchLine) {
        String name = requiredText(node, "name");
        String search = requiredText(node, "search");
        JsonNode tags = node.path("tags");
        Integer confidence = integer(tags.get("confidence"));
        Integer impact = integer(tags.get("impact"));
        Integer storedScore = integer(tags.get("risk_score"));
        List<Observable> observables = new ArrayList<>();
        for (JsonNode o : tags.path("observable")) {
            List<String> roles = new ArrayList<>();
            JsonNode r = o.get("role");
            if (r != null && r.isArray()) {
                r.forEach(role -> roles.add(role.asText()));
            } else if (r != null && r.isTextual()) {
                roles.add(r.asText());
            }
            observables.add(new Observable(o.path("name").asText(), o.path("type").asText(null), roles));
        }

        JsonNode rba = node.get("rba");
        String message;
        List<RiskObjectSpec> riskObjects = new ArrayList<>();
        List<ThreatObjectSpec> threatObjects = new ArrayList<>();
        int riskScore;
        if (rba != null && rba.isObject()) {
            message = textOrNull(rba.get("message"));
            int max = 0;
            for (JsonNode ro : rba.path("risk_objects")) {
                int score = ro.path("score").asInt(0);
                max = Math.max(max, score);
                riskObjects.add(new RiskObjectSpec(ro.path("field").asText(), ro.path("type").asText("other"), score));
            }
            for (JsonNode to : rba.path("threat_objects")) {
                threatObjects.add(new ThreatObjectSpec(to.path("field").asText(), to.path("type").asText("other")));
            }
            riskScore = max;
        } else {
            message = textOrNull(tags.get("message"));
            if (impact != null && confidence != null) {
                riskScore = (int) Math.round(impact * confidence / 100.0);
            } else {
                riskScore = storedScore == null ? 0 : storedScore;
            }
            riskObjects.addAll(RiskMapping.riskObjects(observables, riskScore));
            threatObjects.addAll(RiskMapping.threatObjects(observables));
        }

        List<DetectionTest> tests = new ArrayList<>();
        for (JsonNode t : node.path("tests")) {
            List<AttackData> data = new ArrayList<>();
            for (JsonNode a : t.path("attack_data")) {
                data.add(new AttackData(a.path("data").asText(), textOrNull(a.get("source")),
                        textOrNull(a.get("sourcetype"))));
            }
            boolean expectNone = t.path("expect_no_results").asBoolean(false);
            tests.add(new DetectionTest(t.path("name").asText("test " + (tests.size() + 1)), data, expectNone));
        }

        return new Detection(
                name,
                textOrNull(node.get("id")),
                textOrNull(node.get("type")),
                textOrNull(node.get("status")),
                search,
                textOrNull(node.get("description")),
                textOrNull(node.get("how_to_implement")),
                textOrNull(node.get("known_false_positives")),
                strings(tags.get("analytic_story")),
                strings(tags.get("mitre_attack_id")),
                strings(node.get("data_source")),
                confidence,
                impact,
                riskScore,
                message,
                observables,
                riskObjects,
                threatObjects,
                tests,
                file.toString(),
                searchLine);
    }

    static String requiredText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v.asText();
    }

    private static String textOrNull(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.intValue();
        }
        try {
            return (int) Math.round(Double.parseDouble(v.asText()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }
}
