package dev.quarry.cli;

import dev.quarry.testing.TestResult;
import dev.quarry.testing.TestStatus;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes test results as JUnit XML, the format Jenkins, GitLab, GitHub Actions and most CI systems read: one
 * {@code testsuite} per detection, one {@code testcase} per test, with {@code failure}, {@code error} or
 * {@code skipped} children and the explanation in {@code system-out}.
 */
final class JunitReport {
    private JunitReport() {
    }

    static void write(List<TestResult> results, Writer out) throws IOException {
        Map<String, List<TestResult>> byDetection = new LinkedHashMap<>();
        for (TestResult r : results) {
            byDetection.computeIfAbsent(r.detection().name(), k -> new java.util.ArrayList<>()).add(r);
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"quarry test\" tests=\"" + results.size() + "\" failures=\""
                + count(results, TestStatus.FAIL) + "\" errors=\"" + count(results, TestStatus.ERROR)
                + "\" skipped=\"" + count(results, TestStatus.SKIPPED) + "\" time=\"" + seconds(results) + "\">\n");
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        for (Map.Entry<String, List<TestResult>> e : byDetection.entrySet()) {
            List<TestResult> suite = e.getValue();
            out.write("  <testsuite name=\"" + attr(e.getKey()) + "\" tests=\"" + suite.size() + "\" failures=\""
                    + count(suite, TestStatus.FAIL) + "\" errors=\"" + count(suite, TestStatus.ERROR) + "\" skipped=\""
                    + count(suite, TestStatus.SKIPPED) + "\" time=\"" + seconds(suite) + "\" timestamp=\"" + timestamp
                    + "\">\n");
            for (TestResult r : suite) {
                out.write("    <testcase classname=\"" + attr(r.detection().name()) + "\" name=\"" + attr(r.test().name())
                        + "\" file=\"" + attr(r.detection().file()) + "\" time=\"" + String.format("%.3f",
                        r.millis() / 1000.0) + "\"");
                switch (r.status()) {
                    case PASS -> out.write("/>\n");
                    case FAIL -> body(out, "failure", r);
                    case ERROR -> body(out, "error", r);
                    case SKIPPED -> {
                        out.write(">\n      <skipped message=\"" + attr(r.reason()) + "\"/>\n");
                        out.write("    </testcase>\n");
                    }
                }
            }
            out.write("  </testsuite>\n");
        }
        out.write("</testsuites>\n");
    }

    private static void body(Writer out, String element, TestResult r) throws IOException {
        out.write(">\n      <" + element + " message=\"" + attr(r.reason()) + "\" type=\"" + element + "\">"
                + text(r.reason()) + "</" + element + ">\n");
        if (!r.explanation().isEmpty()) {
            out.write("      <system-out>" + text(r.explanation()) + "</system-out>\n");
        }
        out.write("    </testcase>\n");
    }

    private static long count(List<TestResult> results, TestStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static String seconds(List<TestResult> results) {
        return String.format("%.3f", results.stream().mapToLong(TestResult::millis).sum() / 1000.0);
    }

    /** Escapes text for an attribute value, replacing characters XML 1.0 cannot carry. */
    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
                    sb.append(allowed ? c : '\uFFFD');
                }
            }
        }
        return sb.toString();
    }
}
