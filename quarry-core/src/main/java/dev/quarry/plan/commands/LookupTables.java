package dev.quarry.plan.commands;

import dev.quarry.content.LookupException;
import dev.quarry.content.Lookups;
import dev.quarry.exec.lookup.LookupTable;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.spl.ast.SourceSpan;
import java.util.Map;

/** Resolves the lookup named in a search to its definition and table, or explains why it cannot be used. */
final class LookupTables {
    private static final String ASSETS_AND_IDENTITIES = "Splunk Enterprise Security's asset and identity framework";
    private static final String CIM_APP = "the Splunk Common Information Model app";

    /** Lookups that ESCU searches use but other Splunk apps define, with the app, for telling users what is missing. */
    private static final Map<String, String> EXTERNAL_LOOKUPS = Map.of(
            "asset_lookup_by_str", ASSETS_AND_IDENTITIES,
            "asset_lookup_by_cidr", ASSETS_AND_IDENTITIES,
            "identity_lookup_expanded", ASSETS_AND_IDENTITIES,
            "ut_shannon_lookup", "the URL Toolbox app",
            "cim_corporate_web_domain_lookup", CIM_APP,
            "cim_corporate_email_domain_lookup", CIM_APP);

    /** A usable lookup: its definition and its table, read on first use. */
    record Resolved(Lookups.Definition definition, LookupTable table) {
        String describe() {
            return definition.name() + " (" + table.source() + ")";
        }
    }

    private LookupTables() {
    }

    static Resolved resolve(String command, String name, PlanContext context, SourceSpan span) {
        Lookups.Definition d = context.lookups().find(name).orElse(null);
        if (d == null) {
            String app = EXTERNAL_LOOKUPS.get(name);
            if (app != null) {
                throw PlanException.unsupported(command + " " + name + ", a lookup that " + app + " defines",
                        span);
            }
            throw PlanException.invalid(command + ": lookup table [" + name + "] not found; no lookup definition,"
                    + " and no CSV file in a lookups folder, has that name in the content folders", span);
        }
        if (d.isKvStore()) {
            throw PlanException.unsupported(command + " " + name + ", a lookup of the KV store collection "
                    + d.collection() + " (Quarry reads only CSV lookups)", span);
        }
        try {
            return new Resolved(d, context.lookups().table(d));
        } catch (LookupException e) {
            throw PlanException.invalid(command + ": " + e.getMessage(), span);
        }
    }
}
