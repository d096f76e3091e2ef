/**
 * How far a judge can be trusted: agreement of Railguard's verdicts with human labels, and their flip rate between
 * repeats, per run mode and judge panel. Entry points: {@link dev.railguard.metaeval.Datasets} reads labelled data
 * (Railguard's JSON lines, HaluEval QA, TruthfulQA, RAGTruth), {@link dev.railguard.metaeval.MetaEvaluation} runs it
 * and returns a {@link dev.railguard.metaeval.MetaEvaluationReport} (console table, JSON, HTML with a
 * cost-against-agreement chart).
 */
package dev.railguard.metaeval;
