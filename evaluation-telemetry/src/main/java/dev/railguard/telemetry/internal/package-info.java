/**
 * Implementation details of the telemetry observers: attribute and meter names, text trimming and secret redaction,
 * the sliding pass-rate window. Not an API; free to change.
 */
package dev.railguard.telemetry.internal;
