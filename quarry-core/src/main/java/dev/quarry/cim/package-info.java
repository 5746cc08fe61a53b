/**
 * Normalization into the Splunk Common Information Model: data model datasets with their calculated fields,
 * and source mappings that say how raw events of one log source fill a dataset. Both are YAML resource files,
 * so a source can be added without a rebuild.
 */
package dev.quarry.cim;
