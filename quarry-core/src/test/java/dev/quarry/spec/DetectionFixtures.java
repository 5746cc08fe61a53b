package dev.quarry.spec;

import dev.quarry.content.Detection;
import dev.quarry.content.Observable;
import java.util.List;

/** Builds detections for spec cases through the same YAML parser that reads content. */
final class DetectionFixtures {
    private DetectionFixtures() {
    }

    static Detection detection(String name, String message, int impact, int confidence, List<Observable> observables) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("name: '").append(name.replace("'", "''")).append("'\n");
        yaml.append("id: spec\nsearch: '| tstats count from datamodel=Endpoint.Processes'\n");
        yaml.append("tags:\n  impact: ").append(impact).append("\n  confidence: ").append(confidence).append('\n');
        yaml.append("  message: '").append(message.replace("'", "''")).append("'\n");
        yaml.append("  observable:\n");
        for (Observable o : observables) {
            yaml.append("  - name: ").append(o.name()).append("\n    type: ").append(o.type()).append("\n    role:\n");
            for (String r : o.roles()) {
                yaml.append("    - ").append(r).append('\n');
            }
        }
        return dev.quarry.content.TestAccess.parseDetection(yaml.toString());
    }
}
