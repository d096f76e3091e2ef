/**
 * Monitors over production events (DeepRails Monitor): Monitor takes events without blocking, evaluates them in the
 * background on a fixed metric set, and keeps counts, score distributions per metric and per-nametag statistics in
 * bounded memory. Entry points: Monitor.builder(), MonitorEvent, MonitorStats, MetricDistribution.
 */
package dev.railguard.monitor;
