/**
 * Search macros: removal of triple-backtick comments, and textual, recursive expansion of backtick macro calls
 * with {@code $arg$} substitution, keeping a map from the expanded text back to the written text.
 */
package dev.quarry.spl.macro;
