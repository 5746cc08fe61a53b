package dev.quarry.content;

import java.util.List;

/**
 * A detection as ESCU's YAML describes it. {@code file} and {@code searchLine} locate it for messages
 * ({@code searchLine} is the line of the {@code search:} key, 0 when unknown). Risk settings are resolved from
 * either format ESCU has used: {@code tags.observable} with {@code tags.impact}, {@code tags.confidence} and
 * {@code tags.message}, or an {@code rba:} block with explicit risk and threat objects.
 */
public record Detection(
        String name,
        String id,
        String type,
        String status,
        String search,
        String description,
        String howToImplement,
        String knownFalsePositives,
        List<String> analyticStories,
        List<String> mitreAttackIds,
        List<String> dataSources,
        Integer confidence,
        Integer impact,
        int riskScore,
        String riskMessage,
        List<Observable> observables,
        List<RiskObjectSpec> riskObjects,
        List<ThreatObjectSpec> threatObjects,
        List<DetectionTest> tests,
        String file,
        int searchLine) {

    public Detection {
        analyticStories = List.copyOf(analyticStories);
        mitreAttackIds = List.copyOf(mitreAttackIds);
        dataSources = List.copyOf(dataSources);
        observables = List.copyOf(observables);
        riskObjects = List.copyOf(riskObjects);
        threatObjects = List.copyOf(threatObjects);
        tests = List.copyOf(tests);
    }

    /**
     * The name of the macro ESCU appends to every detection so users can tune it, derived from the detection
     * name as contentctl derives it: spaces, dashes, dots and slashes become underscores, then lowercase, then
     * {@code _filter}.
     */
    public String filterMacroName() {
        return filterMacroName(name);
    }

    public static String filterMacroName(String name) {
        return name.replace(" ", "_").replace("-", "_").replace(".", "_").replace("/", "_")
                .toLowerCase(java.util.Locale.ROOT) + "_filter";
    }
}
