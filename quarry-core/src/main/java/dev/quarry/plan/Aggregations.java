package dev.quarry.plan;

import dev.quarry.exec.Evaluator;
import dev.quarry.exec.Value;
import dev.quarry.exec.agg.Aggregator;
import dev.quarry.exec.agg.AggregatorFactory;
import dev.quarry.exec.op.GroupedAggregation;
import dev.quarry.spl.ast.Aggregation;
import dev.quarry.spl.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Plans the statistical functions and group-by fields shared by stats, eventstats, streamstats and tstats. */
public final class Aggregations {
    private Aggregations() {
    }

    /** Plans one function; {@code argumentField} is its field argument as the input rows name it, or null. */
    public static GroupedAggregation.Function function(Aggregation a, String argumentField, PlanContext context) {
        Supplier<Aggregator> state = AggregatorFactory.forName(a.function(),
                argumentField != null || a.evalArgument() != null);
        if (state == null) {
            throw PlanException.unsupported("statistical function " + a.function() + "()", a.span());
        }
        if (argumentField == null && a.evalArgument() == null && AggregatorFactory.needsArgument(a.function())) {
            throw PlanException.invalid(a.function() + "() needs a field, as in " + a.function() + "(process)",
                    a.span());
        }
        GroupedAggregation.ArgumentReader reader;
        if (a.evalArgument() != null) {
            Evaluator e = context.compileExpression(a.evalArgument());
            boolean counting = a.function().equalsIgnoreCase("count") || a.function().equalsIgnoreCase("c");
            reader = counting ? row -> truthy(e.eval(row)) : GroupedAggregation.ArgumentReader.expression(e);
        } else if (argumentField != null) {
            reader = GroupedAggregation.ArgumentReader.field(argumentField);
        } else {
            reader = GroupedAggregation.ArgumentReader.NONE;
        }
        return new GroupedAggregation.Function(a.outputName(), reader, state);
    }

    public static List<GroupedAggregation.Function> functions(List<Aggregation> aggregations,
            UnaryOperator<String> fieldName, PlanContext context) {
        List<GroupedAggregation.Function> out = new ArrayList<>();
        for (Aggregation a : aggregations) {
            out.add(function(a, a.field() == null ? null : fieldName.apply(a.field()), context));
        }
        return out;
    }

    /**
     * {@code count(eval(x))} counts rows where {@code x} is true, or, for a non-boolean expression, non-null: a
     * false boolean reads as absent.
     */
    private static Value truthy(Value v) {
        if (v instanceof Value.Bool b) {
            return b.value() ? v : null;
        }
        return v;
    }

    /** Plans group-by fields; {@code span=} applies to {@code _time}. */
    public static List<GroupedAggregation.GroupField> groupFields(List<String> by, Map<String, String> options,
            UnaryOperator<String> fieldName, SourceSpan span) {
        double spanSeconds = 0;
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (o.getKey().equals("span")) {
                spanSeconds = TimeSpans.seconds(o.getValue(), span);
            } else {
                throw PlanException.unsupported("option " + o.getKey() + "=" + o.getValue() + " in a by clause",
                        span);
            }
        }
        List<GroupedAggregation.GroupField> fields = new ArrayList<>();
        for (String f : by) {
            double s = f.equals("_time") ? spanSeconds : 0;
            fields.add(new GroupedAggregation.GroupField(f, fieldName.apply(f), s));
        }
        return fields;
    }
}
