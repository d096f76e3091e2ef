/**
 * Batch runs over JSON lines of recorded events: BatchEvaluator (the builder and the run loop) reads an input file
 * (one DeepRails-shaped event a line), evaluates the lines concurrently through an evaluator, writes results.jsonl and
 * summary.json, resumes an interrupted run, and skips a bad line with its number and reason. ResultsFile is a results
 * file (resume, read, append), ProgressReporter the run's progress, BatchLines the batch side of the formats (a line
 * through the one DeepRails codec of evaluation-formats, a result to a ResultLine, results to a summary);
 * BatchSummary is what a run counted.
 */
package dev.railguard.batch;
