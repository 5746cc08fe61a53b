package dev.quarry.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Lists the hottest methods of a JDK Flight Recorder recording from its execution samples
 * ({@code jdk.ExecutionSample}): by self time (the method on top of the sampled stack) and by total time (the
 * method anywhere on the stack, counted once per sample, listing only Quarry's engine methods below the command
 * line, since every sample also passes through {@code main} and the CLI). JFR samples threads running Java code, so time
 * spent blocked or in native code without a Java frame is not in these shares.
 *
 * <p>Usage: {@code HotMethods RECORDING.jfr [TOP]}; prints two Markdown tables with the share of samples.
 */
public final class HotMethods {
    private HotMethods() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: HotMethods RECORDING.jfr [TOP]");
            System.exit(2);
        }
        int top = args.length == 2 ? Integer.parseInt(args[1]) : 20;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = name(frame);
                    if (isEngineMethod(name) && seen.add(name)) {
                        total.merge(name, 1L, Long::sum);
                    }
                }
            }
        }
        System.out.printf("%,d execution samples%n%n", samples);
        print("self time (top of stack)", self, samples, top);
        System.out.println();
        print("total time (anywhere on the stack)", total, samples, top);
    }

    /** Quarry's own methods outside the command line, without the generated classes of lambdas. */
    private static boolean isEngineMethod(String name) {
        return name.startsWith("dev.quarry.") && !name.startsWith("dev.quarry.cli.") && !name.contains("$$Lambda");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long samples, int top) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.println("| method | " + title + " |");
        System.out.println("| --- | ---: |");
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            System.out.printf("| `%s` | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / samples);
        }
    }
}
