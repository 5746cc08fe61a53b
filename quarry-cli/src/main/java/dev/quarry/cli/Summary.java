package dev.quarry.cli;

import dev.quarry.content.CompiledDetection;
import dev.quarry.prefilter.Prefilter;
import dev.quarry.run.DetectionResult;
import dev.quarry.run.OnePassRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The run summary printed on stderr after a hunt. */
final class Summary {
    private Summary() {
    }

    static void hunt(PrintWriter err, int files, IngestStats stats, List<CompiledDetection> compiled,
            List<DetectionResult> results, OnePassRun.Dispatch dispatch, OnePassRun.Held held) {
        err.println();
        err.println("Summary");
        String kinds = stats.inputsByKind().isEmpty() ? "" : ", " + join(stats.inputsByKind());
        err.printf("  files:      %,d read (%s)%s in %.1f s%n", files, IngestStats.size(stats.bytes()), kinds,
                stats.elapsedSeconds());
        err.printf("  events:     %,d parsed%s%n", stats.eventCount(),
                stats.eventsBySourcetype().isEmpty() ? "" : " (" + join(stats.eventsBySourcetype()) + ")");
        if (stats.passedOverCount() > 0) {
            err.printf("              %,d more passed over unparsed: no detection could match their raw text%n",
                    stats.passedOverCount());
        }
        if (stats.problemCount() > 0) {
            err.printf("  skipped:    %,d (%s)%n", stats.problemCount(), join(stats.problemsByReason()));
        } else {
            err.println("  skipped:    none");
        }
        if (!stats.warningsByReason().isEmpty()) {
            err.printf("  warnings:   %s (reported above; what they skipped is counted under skipped)%n",
                    join(stats.warningsByReason()));
        }
        long ok = compiled.stream().filter(CompiledDetection::runnable).count();
        List<CompiledDetection> failed = new ArrayList<>();
        for (CompiledDetection c : compiled) {
            if (!c.runnable()) {
                failed.add(c);
            }
        }
        // Errors first, so that the few detections broken by their content are never hidden among the unsupported.
        failed.sort(Comparator.comparing((CompiledDetection c) -> c.failure().unsupported()));
        long unsupported = failed.stream().filter(c -> c.failure().unsupported()).count();
        err.printf("  detections: %,d run, %,d unsupported, %,d with errors%n", ok, unsupported,
                failed.size() - unsupported);
        int shown = 0;
        for (CompiledDetection c : failed) {
            if (shown++ >= 10) {
                err.printf("              ... and %,d more (quarry content check lists them all)%n",
                        failed.size() - 10);
                break;
            }
            err.println("              " + c.status() + ": " + c.failure().message());
        }
        List<DetectionResult> failedRunning = new ArrayList<>();
        for (DetectionResult r : results) {
            if (r.runtimeError() != null) {
                failedRunning.add(r);
            }
        }
        if (!failedRunning.isEmpty()) {
            err.printf("              %,d failed while running, their results left out:%n", failedRunning.size());
            for (DetectionResult r : failedRunning) {
                err.println("              " + r.detection().detection().name() + ": " + r.runtimeError());
            }
        }
        err.printf("  dispatch:   %,d of %,d pipelines indexed by a field value their filter requires%n",
                dispatch.indexed(), dispatch.pipelines());
        if (held.largestDetection() == null) {
            err.println("  state:      nothing held");
        } else {
            err.printf("  state:      %,d rows and groups held at the end of input, most by %s (%,d)%n",
                    held.total(), held.largestDetection(), held.largest());
        }
        long rows = 0;
        long detectionsWithRows = 0;
        for (DetectionResult r : results) {
            rows += r.rows().size();
            if (!r.rows().isEmpty()) {
                detectionsWithRows++;
            }
        }
        err.printf("  results:    %,d from %,d detection%s%n", rows, detectionsWithRows,
                detectionsWithRows == 1 ? "" : "s");
        err.flush();
    }

    /** The detections that took the most time, for {@code --timings}. */
    static void costs(PrintWriter err, List<OnePassRun.Cost> costs, long events) {
        long totalNanos = 0;
        long offered = 0;
        for (OnePassRun.Cost c : costs) {
            totalNanos += c.nanos();
            offered += c.offered();
        }
        err.printf("  timings:    %.1f s in detections' filters and pipelines; %,d records and events offered to"
                + " filters, %.1f per event parsed%n", totalNanos / 1e9, offered, events == 0 ? 0.0
                : (double) offered / events);
        int shown = 0;
        for (OnePassRun.Cost c : costs) {
            if (shown++ >= 15 || c.nanos() == 0) {
                break;
            }
            err.printf("              %7.2f s  %,11d offered  %,9d accepted  %s%n", c.nanos() / 1e9, c.offered(),
                    c.accepted(), c.detection());
        }
        err.flush();
    }

    static String join(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            parts.add(String.format("%s: %,d", e.getKey(), e.getValue()));
        }
        return String.join(", ", parts);
    }

    /** Prints the literals the prefilter looks for, the shortest first, as they bound how fast it skips. */
    static void prefilter(PrintWriter err, Prefilter prefilter, boolean turnedOff) {
        if (turnedOff) {
            err.println("prefilter: off (--no-prefilter), so every event is parsed");
            return;
        }
        if (prefilter.passesAll()) {
            err.println("prefilter: none; some detection requires no literal text, so every event is parsed");
            return;
        }
        List<String> literals = new ArrayList<>(prefilter.literals());
        literals.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        int listed = Math.min(literals.size(), 12);
        err.printf("prefilter: events are parsed when their raw text contains one of %,d literals; the shortest: %s%s%n",
                literals.size(), String.join(", ", literals.subList(0, listed)), listed < literals.size() ? ", ..." : "");
    }
}
