/** One planner per SPL command that can follow the first command of a pipeline. */
package dev.quarry.plan.commands;
