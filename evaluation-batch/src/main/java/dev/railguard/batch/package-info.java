/**
 * Batch runs over JSON lines of recorded events: BatchEvaluator reads an input file (one DeepRails-shaped event a
 * line), evaluates the lines concurrently through an evaluator, writes results.jsonl and summary.json, resumes an
 * interrupted run, and skips a bad line with its number and reason. BatchLines is the one definition of the line
 * formats; BatchSummary is what a run counted.
 */
package dev.railguard.batch;
