/**
 * Running detections: one pass over the events feeds every compiled detection, sharing normalization among
 * them, and collects each detection's result rows and findings.
 */
package dev.quarry.run;
