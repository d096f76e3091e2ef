/**
 * Judge calls through the providers' batch APIs, at batch prices: {@link dev.railguard.engine.batchapi.BatchApi} turns
 * an evaluator's judge calls into rounds of provider batch jobs (OpenAI's Batch API, Anthropic's Message Batches,
 * Gemini's batch mode) whose replies complete the evaluations as synchronous replies would. The transport, the
 * providers' wire formats and the job file that makes a run resumable live in {@code .internal}.
 */
package dev.railguard.engine.batchapi;
