package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.List;

/** The end of a pipeline: keeps the result rows in order. */
public final class Collector implements Operator {
    private final List<Row> rows = new ArrayList<>();
    private boolean finished;

    @Override
    public void push(Row row) {
        rows.add(row);
    }

    @Override
    public long held() {
        return rows.size();
    }

    @Override
    public void finish() {
        finished = true;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean finished() {
        return finished;
    }
}
