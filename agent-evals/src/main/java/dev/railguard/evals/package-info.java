/**
 * Agent evals in the style of Agno's eval runs, in-process: {@link dev.railguard.evals.AccuracyEval accuracy}
 * against expected outputs, {@link dev.railguard.evals.AgentAsJudgeEval agent-as-judge} with prose criteria,
 * {@link dev.railguard.evals.PerformanceEval performance} (wall time and allocated bytes, baseline regression)
 * and {@link dev.railguard.evals.ReliabilityEval reliability} of tool calls read from a LangChain4j AI
 * service {@code Result}, each run on a {@link dev.railguard.evals.Subject}; {@link dev.railguard.evals.AgentEvals}
 * runs Agno's {@link dev.railguard.evals.EvalRunRequest} body. Every run is an {@link dev.railguard.evals.EvalRun}
 * with its own id; {@link dev.railguard.evals.EvalRun#toAgno} gives the record Agno's {@code /eval-runs} answers
 * ({@link dev.railguard.format.AgnoEvalRun}, whose codec in {@code evaluation-formats} alone spells Agno's keys).
 * Judge calls go through {@link dev.railguard.engine.RailguardEvaluator#ask}: fenced input, output and expected
 * output, temperature 0, schema-validated replies, one repair call. A judge or agent failure is an error entry, never a silent drop.
 */
package dev.railguard.evals;
