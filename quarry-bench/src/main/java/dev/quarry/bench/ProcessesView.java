package dev.quarry.bench;

import java.util.List;

/**
 * The SQL that turns JSON lines of Windows events into records of the CIM dataset Endpoint.Processes in
 * DuckDB, the way Quarry's built-in mappings do (resources {@code dev/quarry/cim/sources/sysmon_eventid_1.yml},
 * {@code security_4688.yml} and {@code datasets/endpoint_processes.yml}):
 *
 * <ol>
 *   <li>{@code windows_events} reads the files with {@code read_json} and takes the fields Quarry takes from a
 *       flattened Windows export: {@code EventID} (else {@code EventCode}), the channel in Windows' case for
 *       the well-known logs, {@code Computer} (else {@code Hostname}, else {@code host}), the time from the
 *       first of {@code @timestamp}, {@code TimeCreated}, {@code TimeGenerated}, {@code UtcTime} and
 *       {@code EventTime}, and event data beside the system fields or inside an {@code EventData} JSON
 *       string.</li>
 *   <li>{@code sysmon_processes} and {@code security_processes} compute the mapping fields of Sysmon EventID 1
 *       and Security 4688; a 4688 event without {@code ParentProcessName} takes the parent's path and name from
 *       the latest earlier 4688 on the same host whose new process id is its parent process id.</li>
 *   <li>{@code processes} applies the dataset's calculated fields: {@code unknown} for a missing or empty
 *       {@code dest}, {@code user}, {@code process}, {@code parent_process} and {@code original_file_name};
 *       the first token of the command line for a missing process name; the integrity level lowercased.</li>
 * </ol>
 *
 * <p>Only the flattened export shape is read (the shape of every Windows event in the OTRF Security-Datasets
 * corpus); Winlogbeat, evtx_dump and CrowdStrike documents are not. Events without a readable time are
 * dropped, as Quarry skips them.
 */
final class ProcessesView {
    /** The dataset's object name, the prefix of its fields in tstats searches. */
    static final String OBJECT = "Processes";

    /** The columns of {@code processes}: every field a Quarry record of this dataset can carry. */
    static final List<String> COLUMNS = List.of("_time", "host", "source", "sourcetype", "action", "dest", "user",
            "src_user", "process_guid", "process_id", "process_path", "process_name", "process_exec", "process",
            "process_current_directory", "process_integrity_level", "process_hash", "parent_process_guid",
            "parent_process_id", "parent_process_path", "parent_process_name", "parent_process_exec",
            "parent_process", "original_file_name", "os", "vendor_product");

    /** Raw fields read from each JSON object, all as text. */
    private static final List<String> RAW_FIELDS = List.of("EventID", "EventCode", "Channel", "Computer",
            "Hostname", "host", "@timestamp", "TimeCreated", "TimeGenerated", "UtcTime", "EventTime", "EventData",
            "User", "ProcessGuid", "ProcessId", "Image", "CommandLine", "CurrentDirectory", "IntegrityLevel",
            "Hashes", "ParentProcessGuid", "ParentProcessId", "ParentImage", "ParentCommandLine",
            "OriginalFileName", "TargetUserName", "SubjectUserName", "NewProcessId", "NewProcessName",
            "ParentProcessName", "MandatoryLabel");

    /** Event data fields, which an Azure Log Analytics export keeps inside an EventData JSON string. */
    private static final List<String> EVENT_DATA_FIELDS = RAW_FIELDS.subList(RAW_FIELDS.indexOf("User"),
            RAW_FIELDS.size());

    /** A record's host: the event's own host field when it has one, else its computer name. */
    private static final String HOST = "coalesce(raw_host, Computer) AS host";

    /** The file name of a Windows or Unix path: the part after the last backslash or slash. */
    private static final String FILE_NAME = "regexp_replace(%s, '^.*[\\\\/]', '')";

    private ProcessesView() {
    }

    /** Returns the statements that define {@code processes} over the JSON files matched by {@code glob}. */
    static List<String> statements(String glob) {
        return List.of(
                "SET TimeZone = 'UTC'",
                epochMacro(),
                eventDataMacro(),
                "CREATE OR REPLACE VIEW windows_events AS " + windowsEvents(glob),
                "CREATE OR REPLACE VIEW sysmon_processes AS " + sysmon(),
                "CREATE OR REPLACE VIEW security_processes_raw AS " + security(),
                "CREATE OR REPLACE VIEW security_processes AS " + securityWithParents(),
                "CREATE OR REPLACE VIEW processes AS " + calculated());
    }

    /**
     * Epoch seconds of a timestamp text, as Quarry reads it: ISO-8601 with or without a zone (none means UTC),
     * or an epoch number in seconds, or in milliseconds above 10^11.
     */
    private static String epochMacro() {
        return """
                CREATE OR REPLACE MACRO quarry_epoch(t) AS CASE
                  WHEN regexp_full_match(trim(t), '[0-9.]+') THEN
                    CASE WHEN TRY_CAST(trim(t) AS DOUBLE) > 1e11 THEN TRY_CAST(trim(t) AS DOUBLE) / 1000
                         ELSE TRY_CAST(trim(t) AS DOUBLE) END
                  ELSE epoch_us(TRY_CAST(trim(t) AS TIMESTAMPTZ)) / 1000000.0
                END""";
    }

    /** Reads a field of an EventData value that is a JSON object (as text); NULL for any other value. */
    private static String eventDataMacro() {
        return """
                CREATE OR REPLACE MACRO quarry_event_data(data, name) AS CASE
                  WHEN data IS NOT NULL AND starts_with(ltrim(data), '{') AND json_valid(data)
                    THEN json_extract_string(data, '$."' || name || '"')
                END""";
    }

    private static String windowsEvents(String glob) {
        StringBuilder columns = new StringBuilder();
        for (String f : RAW_FIELDS) {
            if (columns.length() > 0) {
                columns.append(", ");
            }
            columns.append(SqlTranslator.literal(f)).append(": 'VARCHAR'");
        }
        StringBuilder sql = new StringBuilder("SELECT filename, ")
                .append("coalesce(EventID, EventCode) AS EventCode, ")
                .append("CASE lower(Channel) WHEN 'security' THEN 'Security' WHEN 'system' THEN 'System' ")
                .append("WHEN 'application' THEN 'Application' ELSE Channel END AS Channel, ")
                .append("coalesce(Computer, Hostname, host) AS Computer, host AS raw_host, ")
                .append("quarry_epoch(coalesce(\"@timestamp\", TimeCreated, TimeGenerated, UtcTime, EventTime))")
                .append(" AS _time");
        for (String f : EVENT_DATA_FIELDS) {
            String column = SqlTranslator.identifier(f);
            sql.append(", coalesce(").append(column).append(", quarry_event_data(EventData, ")
                    .append(SqlTranslator.literal(f)).append(")) AS ").append(column);
        }
        // Quarry reads every file of the folder whose first byte is '{'; bench/run.sh keeps only those.
        sql.append(" FROM read_json(").append(SqlTranslator.literal(glob))
                .append(", format = 'newline_delimited', filename = true, maximum_object_size = 16777216, ")
                .append("columns = {").append(columns).append("})")
                .append(" WHERE EventID IS NOT NULL OR EventCode IS NOT NULL OR Channel IS NOT NULL");
        return sql.toString();
    }

    private static String sysmon() {
        return "SELECT filename, _time, " + HOST + ", 'XmlWinEventLog:' || Channel AS source, "
                + "'XmlWinEventLog' AS sourcetype, 'allowed' AS action, Computer AS dest, \"User\" AS user, "
                + "CAST(NULL AS VARCHAR) AS src_user, ProcessGuid AS process_guid, ProcessId AS process_id, "
                + "Image AS process_path, " + fileName("Image") + " AS process_name, " + fileName("Image")
                + " AS process_exec, CommandLine AS process, CurrentDirectory AS process_current_directory, "
                + "IntegrityLevel AS process_integrity_level, Hashes AS process_hash, "
                + "ParentProcessGuid AS parent_process_guid, ParentProcessId AS parent_process_id, "
                + "ParentImage AS parent_process_path, " + fileName("ParentImage") + " AS parent_process_name, "
                + fileName("ParentImage") + " AS parent_process_exec, ParentCommandLine AS parent_process, "
                // Sysmon writes "-" for an executable without a version resource; the mapping drops it.
                + "CASE WHEN OriginalFileName = '-' THEN NULL ELSE OriginalFileName END AS original_file_name, "
                + "'Microsoft Windows' AS os, 'Microsoft Sysmon' AS vendor_product "
                + "FROM windows_events WHERE lower(Channel) = 'microsoft-windows-sysmon/operational' "
                + "AND lower(EventCode) = '1' AND _time IS NOT NULL";
    }

    private static String security() {
        return "SELECT filename, _time, " + HOST + ", 'XmlWinEventLog:' || Channel AS source, "
                + "'XmlWinEventLog' AS sourcetype, 'allowed' AS action, Computer AS dest, "
                + "CASE WHEN TargetUserName IS NOT NULL AND TargetUserName <> '-' AND TargetUserName <> '' "
                + "THEN TargetUserName ELSE SubjectUserName END AS user, SubjectUserName AS src_user, "
                + "CAST(NULL AS VARCHAR) AS process_guid, " + hexToDecimal("NewProcessId") + " AS process_id, "
                + "NewProcessName AS process_path, " + fileName("NewProcessName") + " AS process_name, "
                + fileName("NewProcessName") + " AS process_exec, CommandLine AS process, "
                + "CAST(NULL AS VARCHAR) AS process_current_directory, "
                + "CASE MandatoryLabel WHEN 'S-1-16-16384' THEN 'system' WHEN 'S-1-16-12288' THEN 'high' "
                + "WHEN 'S-1-16-8192' THEN 'medium' WHEN 'S-1-16-4096' THEN 'low' WHEN 'S-1-16-0' THEN 'untrusted' "
                + "END AS process_integrity_level, CAST(NULL AS VARCHAR) AS process_hash, "
                + "CAST(NULL AS VARCHAR) AS parent_process_guid, " + hexToDecimal("ProcessId")
                + " AS parent_process_id, ParentProcessName AS parent_process_path, "
                + fileName("ParentProcessName") + " AS parent_process_name, " + fileName("ParentProcessName")
                + " AS parent_process_exec, CAST(NULL AS VARCHAR) AS parent_process, "
                + "CAST(NULL AS VARCHAR) AS original_file_name, 'Microsoft Windows' AS os, "
                + "'Microsoft Windows' AS vendor_product "
                + "FROM windows_events WHERE lower(Channel) = 'security' AND lower(EventCode) = '4688' "
                + "AND _time IS NOT NULL";
    }

    /**
     * Fills a missing parent path and name from the latest earlier 4688 on the same host (compared
     * case-insensitively) whose new process id is this event's parent process id. NOTE: "earlier" here means by
     * file path, then by time, while Quarry uses reading order (file path, then line). The two differ only for
     * events out of time order within a file.
     */
    private static String securityWithParents() {
        String earlier = "FROM security_processes_raw e WHERE lower(e.dest) = lower(p.dest) "
                + "AND e.process_id = p.parent_process_id "
                + "AND (e.filename < p.filename OR (e.filename = p.filename AND e._time < p._time)) "
                + "ORDER BY e.filename DESC, e._time DESC LIMIT 1";
        String missing = "(p.parent_process_path IS NULL OR p.parent_process_path = '')";
        String missingName = "(p.parent_process_name IS NULL OR p.parent_process_name = '')";
        return "SELECT p.* REPLACE ("
                + "CASE WHEN " + missing + " THEN coalesce((SELECT e.process_path " + earlier + "), "
                + "p.parent_process_path) ELSE p.parent_process_path END AS parent_process_path, "
                + "CASE WHEN " + missingName + " THEN coalesce((SELECT e.process_name " + earlier + "), "
                + "p.parent_process_name) ELSE p.parent_process_name END AS parent_process_name) "
                + "FROM security_processes_raw p";
    }

    private static String calculated() {
        String union = "SELECT * FROM sysmon_processes UNION ALL SELECT * FROM security_processes";
        return "SELECT _time, host, source, sourcetype, action, "
                + unknownIfEmpty("dest") + " AS dest, "
                + unknownIfEmpty("\"user\"") + " AS \"user\", src_user, process_guid, process_id, process_path, "
                + firstTokenIfEmpty("process_name", "process") + " AS process_name, process_exec, "
                + unknownIfEmpty("process") + " AS process, process_current_directory, "
                + "lower(process_integrity_level) AS process_integrity_level, process_hash, parent_process_guid, "
                + "parent_process_id, parent_process_path, "
                + firstTokenIfEmpty("parent_process_name", "parent_process") + " AS parent_process_name, "
                + "parent_process_exec, " + unknownIfEmpty("parent_process") + " AS parent_process, "
                + unknownIfEmpty("original_file_name") + " AS original_file_name, os, vendor_product "
                + "FROM (" + union + ")";
    }

    private static String fileName(String column) {
        return String.format(FILE_NAME, column);
    }

    /** {@code tonumber(x, 16)}: hex with or without {@code 0x}, as decimal text; NULL when not hex. */
    private static String hexToDecimal(String column) {
        return "CAST(TRY_CAST(CASE WHEN lower(" + column + ") LIKE '0x%' THEN " + column + " ELSE '0x' || "
                + column + " END AS HUGEINT) AS VARCHAR)";
    }

    private static String unknownIfEmpty(String column) {
        return "CASE WHEN " + column + " IS NULL OR " + column + " = '' THEN 'unknown' ELSE " + column + " END";
    }

    /**
     * Computes a process name as CIM 5.0.1 does: the name itself when set, else the first whitespace-delimited token of the
     * command line (path included), else {@code unknown}. The command line here is the raw one: where it is
     * missing, the calculated command line is {@code unknown}, whose first token is {@code unknown} as well.
     */
    private static String firstTokenIfEmpty(String name, String commandLine) {
        return "CASE WHEN " + name + " IS NOT NULL AND " + name + " <> '' THEN " + name
                + " WHEN " + commandLine + " IS NOT NULL AND " + commandLine + " <> '' THEN regexp_replace("
                + commandLine + ", '^\\s*([^\\s]+).*', '\\1') ELSE 'unknown' END";
    }
}
