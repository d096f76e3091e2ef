/**
 * Optional offline metrics that need an in-process embedding model: {@link
 * dev.railguard.embeddings.SemanticSimilarityMetric} ({@code semantic_similarity}). Kept out of
 * {@code guardrail-metrics} so that the core does not carry the model.
 */
package dev.railguard.embeddings;
