/**
 * The statistics behind {@code dev.railguard.diff} (exact McNemar, paired percentile bootstrap) and its JSON form.
 * Internal: free to change.
 */
package dev.railguard.diff.internal;
