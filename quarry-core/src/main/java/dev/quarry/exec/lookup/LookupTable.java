package dev.quarry.exec.lookup;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lookup table as read from its CSV file: the column names of the header row, then the rows in file order.
 * A cell that was empty, or missing from a short row, is null. Instances are immutable and shared by every
 * search that uses the table.
 */
public final class LookupTable {
    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex;
    private final String[][] rows;

    /**
     * Creates a table. Each row has one cell per column (null for empty); {@code source} names the file in
     * messages.
     */
    public LookupTable(String source, List<String> columns, List<String[]> rows) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.columnIndex = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (columnIndex.putIfAbsent(this.columns.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.columns.get(i));
            }
        }
        this.rows = new String[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (row.length != this.columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " cells, expected "
                        + this.columns.size());
            }
            this.rows[i] = row.clone();
        }
    }

    /** The file the table was read from, for messages. */
    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    /** Returns the index of a column (names are case-sensitive), or -1 when the table has no such column. */
    public int column(String name) {
        Integer i = columnIndex.get(name);
        return i == null ? -1 : i;
    }

    /** The number of rows, not counting the header. */
    public int size() {
        return rows.length;
    }

    /** Returns one cell, or null when it is empty. */
    public String cell(int row, int column) {
        return rows[row][column];
    }

    /** Returns one table row as a result row: its columns in table order, without the empty cells. */
    public Row toRow(int row) {
        Row out = new Row();
        String[] cells = rows[row];
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                out.put(columns.get(c), Value.str(cells[c]));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return source + " (" + rows.length + " rows, columns " + columns + ")";
    }
}
