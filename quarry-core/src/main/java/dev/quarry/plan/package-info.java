/**
 * Planning: checks a parsed search against what Quarry can execute, resolves data model datasets, compiles
 * filters and expressions, and produces a {@link dev.quarry.plan.QueryPlan} from which fresh operator chains are
 * built for each run. Whatever cannot run is reported with the command, function or option that blocks it.
 */
package dev.quarry.plan;
