package dev.quarry.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads Windows event XML: one {@code <Event>} per line as Splunk stores {@code XmlWinEventLog}, or an
 * {@code <Events>} document as {@code wevtutil qe /f:xml} and Event Viewer write it, or any mix.
 *
 * <p>The text is cut into {@code <Event>...</Event>} fragments before parsing, so one malformed event is
 * skipped with a problem report and the events after it are still read. A fragment longer than
 * {@link #MAX_EVENT_CHARS} is skipped unparsed, which bounds memory on hostile input.
 */
final class XmlEventReader {
    /** Longest event text accepted; real events are a few kilobytes, PowerShell script blocks up to about 32 KB. */
    static final int MAX_EVENT_CHARS = 4 * 1024 * 1024;

    private final String name;
    private final RecordSink sink;
    private final IngestListener listener;

    /** True when the input starts as an event log does, so that an empty one is not reported as foreign XML. */
    private final boolean looksLikeEvents;

    XmlEventReader(String name, RecordSink sink, boolean looksLikeEvents) {
        this.name = name;
        this.sink = sink;
        this.listener = sink.listener();
        this.looksLikeEvents = looksLikeEvents;
    }

    void read(Reader in) throws IOException {
        FragmentScanner scanner = new FragmentScanner(in);
        boolean any = false;
        while (scanner.next()) {
            any = true;
            Origin origin = new Origin(name, "line " + scanner.startLine());
            if (scanner.oversized()) {
                listener.problem(new ReadProblem(origin, "oversized event",
                        "event skipped: longer than " + MAX_EVENT_CHARS + " characters"));
                continue;
            }
            sink.xmlFragment(name, scanner.startLine(), scanner.fragment());
        }
        if (scanner.unterminated()) {
            listener.problem(new ReadProblem(new Origin(name, "line " + scanner.startLine()), "invalid XML",
                    "event skipped: no closing </Event> before the end of the input"));
        } else if (!any && !looksLikeEvents) {
            // XML that is not an event log, such as a Sysmon configuration beside the logs.
            listener.problem(new ReadProblem(new Origin(name, ""), "unrecognized format",
                    "file skipped: XML without any <Event> element, so not a Windows event log"));
        }
    }


    /** Parses the text of one event into an event, or the problem that keeps it from being one. */
    static RecordOutcome parseFragment(String name, int line, String xml) {
        Origin origin = new Origin(name, "line " + line);
        try {
            return RecordOutcome.of(XmlEventParser.parse(xml, origin));
        } catch (IllegalArgumentException e) {
            return RecordOutcome.of(new ReadProblem(origin, InvalidEventException.reasonOf(e),
                    "event skipped: " + e.getMessage()));
        }
    }

    /** Finds {@code <Event ...>...</Event>} fragments in a character stream, tracking line numbers. */
    private static final class FragmentScanner {
        private static final String END = "</Event>";

        private final Reader in;
        private final char[] buf = new char[65536];
        private int len;
        private int pos;
        private int line = 1;
        private int startLine;
        private final StringBuilder fragment = new StringBuilder(4096);
        private boolean oversized;
        private boolean unterminated;

        FragmentScanner(Reader in) {
            this.in = in;
        }

        int startLine() {
            return startLine;
        }

        String fragment() {
            return fragment.toString();
        }

        boolean oversized() {
            return oversized;
        }

        boolean unterminated() {
            return unterminated;
        }

        /** Advances to the next fragment; false at the end of input. */
        boolean next() throws IOException {
            fragment.setLength(0);
            oversized = false;
            if (!findStart()) {
                return false;
            }
            startLine = line;
            fragment.append("<Event");
            int matched = 0;
            while (true) {
                int c = read();
                if (c < 0) {
                    unterminated = true;
                    return false;
                }
                if (!oversized) {
                    fragment.append((char) c);
                    if (fragment.length() > MAX_EVENT_CHARS) {
                        oversized = true;
                        fragment.setLength(0);
                    }
                }
                matched = c == END.charAt(matched) ? matched + 1 : (c == '<' ? 1 : 0);
                if (matched == END.length()) {
                    return true;
                }
            }
        }

        /** Skips to just after the next {@code <Event} that starts an element named exactly Event. */
        private boolean findStart() throws IOException {
            int c;
            while ((c = read()) >= 0) {
                if (c != '<') {
                    continue;
                }
                if (!matchLiteral("Event")) {
                    continue;
                }
                int after = peek();
                if (after == ' ' || after == '>' || after == '\t' || after == '\r' || after == '\n') {
                    return true;
                }
            }
            return false;
        }

        private boolean matchLiteral(String s) throws IOException {
            for (int i = 0; i < s.length(); i++) {
                int c = peek();
                if (c != s.charAt(i)) {
                    return false;
                }
                read();
            }
            return true;
        }

        private int peek() throws IOException {
            if (pos >= len && !fill()) {
                return -1;
            }
            return buf[pos];
        }

        private int read() throws IOException {
            if (pos >= len && !fill()) {
                return -1;
            }
            char c = buf[pos++];
            if (c == '\n') {
                line++;
            }
            return c;
        }

        private boolean fill() throws IOException {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            return len > 0;
        }
    }
}
