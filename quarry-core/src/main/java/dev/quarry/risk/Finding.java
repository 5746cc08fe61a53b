package dev.quarry.risk;

import dev.quarry.content.Detection;
import dev.quarry.exec.Row;
import java.util.List;

/**
 * One result row of a detection with what the alert actions make of it: the notable's risk score and message,
 * and the risk events (none when the row lacks every risk object field).
 */
public record Finding(Detection detection, Row row, int riskScore, String riskMessage, List<RiskEvent> riskEvents,
        List<ThreatObject> threatObjects) {
    public Finding {
        riskEvents = List.copyOf(riskEvents);
        threatObjects = List.copyOf(threatObjects);
    }
}
