/**
 * Risk-based alerting: turns each result row of a detection into a notable and the risk events Splunk
 * Enterprise Security's risk action would write for it.
 */
package dev.quarry.risk;
