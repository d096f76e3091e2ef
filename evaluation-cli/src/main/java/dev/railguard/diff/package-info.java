/**
 * Did a change make things worse? Compares two runs of the same events ({@link dev.railguard.diff.RunDiff}):
 * pairs events by id or content hash, and per metric gives the pass-rate change with a seeded paired bootstrap
 * interval, an exact McNemar test on the flips, the mean score change and the flipped events
 * ({@link dev.railguard.diff.DiffResult}); {@link dev.railguard.diff.DiffReport} writes it as HTML.
 */
package dev.railguard.diff;
