/**
 * What is measured: the six guardrail metrics of DeepRails, judged by LLMs under every run mode, with their judge
 * prompts as versioned resources under {@code dev/railguard/metrics/prompts}. They are registered through
 * {@code META-INF/services/dev.railguard.api.GuardrailMetric}, so putting this module on the class path makes them
 * known by name to {@code MetricRegistry.installed()}. Default thresholds are in {@link dev.railguard.metrics.DefaultThresholds}.
 */
package dev.railguard.metrics;
