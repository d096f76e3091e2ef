/**
 * DeepRails' JSON at the boundary: workflow-event and monitor-event request bodies read into the library's
 * {@link dev.railguard.event.EventInput}, and submit responses written with DeepRails' keys and values. Entry point:
 * {@link dev.railguard.deeprails.DeepRailsJson}; a monitor body is a {@link dev.railguard.deeprails.MonitorEventRequest}.
 */
package dev.railguard.deeprails;
