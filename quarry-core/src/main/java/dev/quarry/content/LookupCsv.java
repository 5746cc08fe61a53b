package dev.quarry.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.quarry.exec.lookup.LookupTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a lookup table from a CSV file: UTF-8 (a byte order mark is skipped), fields separated by commas,
 * double-quoted fields may hold commas, quotes written twice and line breaks, and the first record is the header.
 * Spaces around an unquoted field or column name are dropped, because ESCU's tables write {@code a, b} in headers
 * and rows and its searches name the columns without the space. A column with an empty name is skipped; cells
 * past the last column are ignored; a short row has empty cells at its end; a row whose cells are all empty is
 * skipped.
 */
final class LookupCsv {
    private static final ObjectReader READER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build()
            .readerFor(String[].class);

    private LookupCsv() {
    }

    static LookupTable read(Path file, long maxBytes) {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new LookupException("lookup file not found: " + file);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new LookupException("cannot read lookup file " + file + ": " + e.getMessage());
        }
        if (size > maxBytes) {
            throw new LookupException("lookup file " + file + " is " + size + " bytes, over the limit of " + maxBytes
                    + " bytes for one lookup table; Quarry holds each table in memory");
        }
        try (InputStream in = Files.newInputStream(file);
                MappingIterator<String[]> records = READER.readValues(in)) {
            return table(file, records);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new LookupException("invalid CSV in lookup file " + file + line + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LookupException("cannot read lookup file " + file + ": " + e.getMessage());
        }
    }

    private static LookupTable table(Path file, MappingIterator<String[]> records) throws IOException {
        if (!records.hasNextValue()) {
            throw new LookupException("lookup file " + file + " is empty; expected a header row of column names");
        }
        String[] header = records.nextValue();
        List<String> columns = new ArrayList<>();
        List<Integer> sourceIndexes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i];
            if (name == null || name.isEmpty()) {
                continue;
            }
            if (!seen.add(name)) {
                throw new LookupException("lookup file " + file + " has the column name [" + name
                        + "] twice in its header row");
            }
            columns.add(name);
            sourceIndexes.add(i);
        }
        if (columns.isEmpty()) {
            throw new LookupException("lookup file " + file + " has no column names in its header row");
        }

        List<String[]> rows = new ArrayList<>();
        while (records.hasNextValue()) {
            String[] record = records.nextValue();
            String[] cells = new String[columns.size()];
            boolean any = false;
            for (int c = 0; c < cells.length; c++) {
                int from = sourceIndexes.get(c);
                String cell = from < record.length ? record[from] : null;
                if (cell != null && !cell.isEmpty()) {
                    cells[c] = cell;
                    any = true;
                }
            }
            if (any) {
                rows.add(cells);
            }
        }
        return new LookupTable(file.toString(), columns, rows);
    }
}
