package dev.quarry.risk;

import java.util.List;

/**
 * One event the risk action writes to the risk index: the risk object (a value of the row's risk object field)
 * with its type and score, the substituted message, the threat objects of the row, and the detection's
 * annotations. {@code searchName} follows ESCU's naming, {@code ESCU - <detection> - Rule}.
 */
public record RiskEvent(String searchName, String riskObject, String riskObjectType, String riskObjectField,
        int riskScore, String riskMessage, List<ThreatObject> threatObjects, List<String> analyticStories,
        List<String> mitreAttackIds, double time) {
    public RiskEvent {
        threatObjects = List.copyOf(threatObjects);
        analyticStories = List.copyOf(analyticStories);
        mitreAttackIds = List.copyOf(mitreAttackIds);
    }
}
