package dev.quarry.plan.commands;

import dev.quarry.exec.op.TableOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.FieldsCommand;
import dev.quarry.spl.ast.TableCommand;

/** {@code | table ...} and {@code | fields [-] ...}. */
public final class TableCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        if (command instanceof TableCommand t) {
            if (t.fields().isEmpty()) {
                throw PlanException.invalid("table needs at least one field, as in table _time user", command.span());
            }
            return (next, run) -> new TableOperator(TableOperator.Mode.TABLE, t.fields(), next);
        }
        FieldsCommand f = (FieldsCommand) command;
        TableOperator.Mode mode = f.remove() ? TableOperator.Mode.REMOVE : TableOperator.Mode.KEEP;
        return (next, run) -> new TableOperator(mode, f.fields(), next);
    }
}
