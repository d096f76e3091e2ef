/**
 * How evaluations run. Build a {@link dev.railguard.engine.RailguardEvaluator} from a
 * {@link dev.railguard.engine.JudgePanel} (LangChain4j {@code ChatModel}s by tier) and a
 * {@link dev.railguard.engine.MetricRegistry}; it validates requests, plans each run mode, asks the judges with
 * JSON-schema requests, parses and validates their replies, aggregates unit verdicts into scores and decides
 * PASS, FAIL or ERROR. Everything not in this package's public types is an implementation detail.
 */
package dev.railguard.engine;
