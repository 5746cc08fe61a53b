/** Planners of generating commands that start a pipeline without reading events. */
package dev.quarry.plan.sources;
