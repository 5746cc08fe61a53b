/**
 * Offline detection tests: a detection's {@code tests:} block replayed from local files, with pass, fail, error
 * or skip for each test, and an explanation of which conditions the nearest events failed.
 */
package dev.quarry.testing;
