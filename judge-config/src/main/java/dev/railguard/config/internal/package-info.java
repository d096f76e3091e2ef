/**
 * Internals of the project file: the located YAML tree, the schema check and its wording, the metric kinds, the
 * judges and batch-API sections and the provider models (Anthropic and Gemini classes loaded only when declared).
 * Free to change.
 */
package dev.railguard.config.internal;
