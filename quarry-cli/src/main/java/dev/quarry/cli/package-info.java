/** The {@code quarry} command line: one class per command, plus shared options, output writers and summaries. */
package dev.quarry.cli;
