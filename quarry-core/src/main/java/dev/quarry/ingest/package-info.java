/**
 * Reading raw telemetry: recognizes each input by its content, opens gzip and zip containers, and turns
 * Windows event XML, EVTX records and JSON lines (flattened Sysmon and Security exports, Winlogbeat/ECS,
 * CrowdStrike) into {@link dev.quarry.ingest.Event}s.
 */
package dev.quarry.ingest;
