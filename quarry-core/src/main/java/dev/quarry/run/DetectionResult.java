package dev.quarry.run;

import dev.quarry.content.CompiledDetection;
import dev.quarry.exec.Row;
import dev.quarry.risk.Finding;
import java.util.List;

/**
 * What one detection produced in a run: its result rows and a finding per row, or, when it failed while
 * running, the reason ({@code runtimeError}, otherwise null) and no rows.
 */
public record DetectionResult(CompiledDetection detection, List<Row> rows, List<Finding> findings,
        String runtimeError) {
    public DetectionResult {
        rows = List.copyOf(rows);
        findings = List.copyOf(findings);
    }
}
