/**
 * Prefilters: what a detection requires of an event's raw text, derived from its filter, so that the readers can
 * pass over events no detection could match before parsing them, without changing any result.
 */
package dev.quarry.prefilter;
