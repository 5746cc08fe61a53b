package dev.quarry.cli;

/** Result formats: a report for people, JSON lines for machines, or CSV for spreadsheets. */
enum OutputFormat {
    table, jsonl, csv
}
