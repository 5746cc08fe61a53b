/**
 * The SPL syntax tree: immutable records for pipelines, commands, search-language filters and eval expressions.
 * Every node keeps the {@link dev.quarry.spl.ast.SourceSpan} of the text it came from.
 */
package dev.quarry.spl.ast;
