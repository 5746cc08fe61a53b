package dev.quarry.ingest;

import dev.quarry.evtx.Attribute;
import dev.quarry.evtx.CData;
import dev.quarry.evtx.Element;
import dev.quarry.evtx.EvtxFile;
import dev.quarry.evtx.EvtxFormatException;
import dev.quarry.evtx.EvtxOptions;
import dev.quarry.evtx.EvtxRecord;
import dev.quarry.evtx.EvtxSink;
import dev.quarry.evtx.EvtxStats;
import dev.quarry.evtx.EvtxWarning;
import dev.quarry.evtx.Node;
import dev.quarry.evtx.Text;
import dev.quarry.evtx.XmlRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads EVTX files with the {@code quarry-evtx} module and turns each record's event tree into an {@link Event}
 * through the same {@link WindowsEventAssembler} as the XML reader, so events read the same whichever format they
 * came in. An EVTX file inside an archive is first copied to a temporary file, because the reader needs random
 * access; the copy is deleted afterwards.
 */
public final class EvtxEventReader implements EvtxInput {
    private final EvtxOptions options;

    public EvtxEventReader(EvtxOptions options) {
        this.options = options;
    }

    @Override
    public void read(String name, Path file, InputStream in, IngestListener listener) throws IOException {
        if (file != null) {
            readFile(name, file, listener);
            return;
        }
        Path copy = Files.createTempFile("quarry-", ".evtx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            readFile(name, copy, listener);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void readFile(String name, Path file, IngestListener listener) throws IOException {
        EvtxFile evtx;
        try {
            evtx = EvtxFile.open(file);
        } catch (EvtxFormatException e) {
            listener.problem(new ReadProblem(new Origin(name, "offset " + e.offset()), "invalid EVTX header",
                    "file skipped: " + e.getMessage()));
            return;
        }
        try (evtx) {
            EvtxStats stats = evtx.read(new Sink(name, listener), options);
            long lost = stats.recordsSkipped() + stats.chunksSkipped();
            if (lost > 0) {
                listener.problem(new ReadProblem(new Origin(name, ""), "damaged EVTX records and chunks",
                        stats.recordsSkipped() + " damaged records and " + stats.chunksSkipped()
                                + " damaged chunks skipped; the warnings above give their offsets", true, lost));
            }
        }
    }

    /** Converts records as they arrive; damage reports become warnings that skip nothing by themselves. */
    private static final class Sink implements EvtxSink {
        private final String name;
        private final IngestListener listener;

        Sink(String name, IngestListener listener) {
            this.name = name;
            this.listener = listener;
        }

        @Override
        public void record(EvtxRecord record) {
            Origin origin = new Origin(name, "record " + record.recordId() + " at offset 0x"
                    + Long.toHexString(record.fileOffset()));
            try {
                listener.event(toEvent(record, origin));
            } catch (IllegalArgumentException e) {
                listener.problem(new ReadProblem(origin, InvalidEventException.reasonOf(e),
                        "record skipped: " + e.getMessage()));
            }
        }

        @Override
        public void warning(EvtxWarning warning) {
            listener.problem(new ReadProblem(new Origin(name, "offset 0x" + Long.toHexString(warning.offset())),
                    "EVTX damage", warning.message(), false));
        }
    }

    static Event toEvent(EvtxRecord record, Origin origin) {
        WindowsEventAssembler a = new WindowsEventAssembler();
        Element event = record.event();
        for (Element part : event.elements()) {
            switch (part.name()) {
                case "System" -> system(part, a);
                case "EventData" -> eventData(part, a);
                case "RenderingInfo" -> {
                    Element message = part.child("Message");
                    if (message != null) {
                        a.extra("Message", message.text());
                    }
                }
                default -> leaves(part, a);
            }
        }
        a.timeText(record.written().toString());
        a.raw(() -> XmlRenderer.toXml(event, XmlRenderer.Layout.SINGLE_LINE));
        return a.build(origin);
    }

    private static void system(Element system, WindowsEventAssembler a) {
        for (Element child : system.elements()) {
            for (Attribute attribute : child.attributes()) {
                a.systemAttribute(child.name(), attribute.name(), attribute.value());
            }
            String text = child.text();
            if (!text.isBlank()) {
                a.systemText(child.name(), text);
            }
        }
    }

    private static void eventData(Element data, WindowsEventAssembler a) {
        for (Element child : data.elements()) {
            if (child.name().equals("Data")) {
                a.data(child.attribute("Name"), allText(child));
            } else {
                a.data(child.name(), allText(child));
            }
        }
    }

    /** Flattens UserData and other payloads: every leaf element becomes a field named after the element. */
    private static void leaves(Element element, WindowsEventAssembler a) {
        for (Element child : element.elements()) {
            if (child.elements().isEmpty()) {
                a.userData(child.name(), child.text());
            } else {
                leaves(child, a);
            }
        }
    }

    /** The text of an element including nested elements (BinXML values can hold markup). */
    private static String allText(Element element) {
        StringBuilder sb = new StringBuilder();
        appendText(element, sb);
        return sb.toString();
    }

    private static void appendText(Element element, StringBuilder sb) {
        for (Node node : element.children()) {
            if (node instanceof Text t) {
                sb.append(t.value());
            } else if (node instanceof CData c) {
                sb.append(c.value());
            } else if (node instanceof Element e) {
                appendText(e, sb);
            }
        }
    }
}
