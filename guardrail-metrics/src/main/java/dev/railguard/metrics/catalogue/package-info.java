/**
 * The judged metrics people look for first, beyond the six guardrail metrics: retrieval ({@code answer_relevance},
 * {@code context_relevance}, {@code context_precision}, {@code context_recall}), conversations
 * ({@code role_adherence}, {@code knowledge_retention}, {@code conversation_completeness}) and agents
 * ({@code tool_call_accuracy}, {@code task_completion}). Each is declared (unit kind, aggregation, inputs) with its
 * rubric as a resource under {@code dev/railguard/metrics/catalogue/prompts}, and judged by the engine under every
 * run mode; each is registered by name through {@code META-INF/services/dev.railguard.api.GuardrailMetric}.
 */
package dev.railguard.metrics.catalogue;
