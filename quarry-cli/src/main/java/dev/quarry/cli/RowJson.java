package dev.quarry.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders a result row as one JSON object: numbers as numbers, multivalue fields as arrays. */
final class RowJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowJson() {
    }

    static String json(Row row) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            for (Map.Entry<String, Value> e : row.asMap().entrySet()) {
                g.writeFieldName(e.getKey());
                FindingWriter.writeValue(g, TimeDisplay.shown(e.getKey(), e.getValue()));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }
}
