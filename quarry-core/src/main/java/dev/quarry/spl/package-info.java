/**
 * The SPL front end: comment removal and macro expansion ({@code dev.quarry.spl.macro}), the ANTLR grammar and
 * parser ({@code dev.quarry.spl.parser}) and the syntax tree it builds ({@code dev.quarry.spl.ast}).
 */
package dev.quarry.spl;
