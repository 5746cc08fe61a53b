/**
 * Detection content: ESCU-format detection YAML, macro definitions and lookups, loaded from a security_content
 * checkout, any folder of such files, or Quarry's own content pack; and compilation of each detection into a
 * plan, with the reason for every detection that cannot run.
 */
package dev.quarry.content;
