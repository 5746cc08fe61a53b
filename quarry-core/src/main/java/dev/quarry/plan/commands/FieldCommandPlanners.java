package dev.quarry.plan.commands;

import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.SourcePlanner;
import java.util.Map;

/**
 * Registers the planners of the commands that reshape fields and rows: extraction ({@code rex}, {@code spath},
 * {@code xmlkv}), filtering and ordering ({@code regex}, {@code dedup}, {@code sort}, {@code head},
 * {@code tail}), multivalue handling ({@code mvexpand}, {@code makemv}), value rewriting ({@code fillnull},
 * {@code replace}, {@code bin}), and the statistics that keep every row ({@code eventstats},
 * {@code streamstats}, {@code addtotals}).
 */
public final class FieldCommandPlanners {
    private FieldCommandPlanners() {
    }

    public static void register(Map<String, CommandPlanner> commands, Map<String, SourcePlanner> sources) {
        commands.put("rex", new RexCommandPlanner());
        commands.put("regex", new RegexCommandPlanner());
        commands.put("mvexpand", new MvexpandCommandPlanner());
        commands.put("makemv", new MakemvCommandPlanner());
        commands.put("fillnull", new FillnullCommandPlanner());
        commands.put("dedup", new DedupCommandPlanner());
        commands.put("sort", new SortCommandPlanner());
        commands.put("head", new HeadCommandPlanner());
        commands.put("tail", new TailCommandPlanner());
        commands.put("bin", new BinCommandPlanner());
        commands.put("bucket", new BinCommandPlanner());
        commands.put("eventstats", new EventstatsCommandPlanner());
        commands.put("streamstats", new StreamstatsCommandPlanner());
        commands.put("spath", new SpathCommandPlanner());
        commands.put("xmlkv", new XmlkvCommandPlanner());
        commands.put("replace", new ReplaceCommandPlanner());
        commands.put("addtotals", new AddtotalsCommandPlanner());
    }
}
