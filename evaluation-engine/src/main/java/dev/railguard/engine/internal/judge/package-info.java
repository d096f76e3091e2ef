/**
 * Judge traffic: JudgeClient sends a JudgeCall through the cache and the Dispatcher (per-judge concurrency, rate
 * limits, fair admission), retries retriable failures with backoff and Retry-After, runs tool round trips
 * (ToolLoop), and makes the one repair call for a reply that breaks its schema. JudgeEngine owns the shared parts
 * (dispatcher, cache, timer, counters) of one evaluator.
 */
package dev.railguard.engine.internal.judge;
