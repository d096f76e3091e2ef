/**
 * The vocabulary of one judge call, shared by the engine's internals: the call (JudgeCall: judge, prompts, schema,
 * tools), its outcome (JudgeOutcome), the settings every call is made with, the cancellation ticket, the counters
 * behind JudgeStats, and the parts that read a reply: tolerant JSON extraction and schema validation (JsonReplies,
 * Schemas), nonce fences around untrusted text (Untrusted) and the classification of failures as retriable or not
 * (Failures). It depends on nothing else internal, so judge traffic, the cache, search and the run modes can all
 * build on it.
 */
package dev.railguard.engine.internal.call;
