/**
 * Lookup tables and the matching that the {@code lookup} command runs against them: exact values through a hash
 * index, {@code WILDCARD} cells compiled once per table, and {@code CIDR} blocks parsed once per table.
 */
package dev.quarry.exec.lookup;
