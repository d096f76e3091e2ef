/**
 * The executor side of {@code dev.railguard.spark}, free to change: the per-JVM evaluator shared by tasks
 * ({@code EvaluatorHolder}), the partition function that submits events through the evaluator's bounded window
 * ({@code PartitionEvaluator}), the driver-side shaping of tables into event JSON ({@code EventShape}) and the result
 * rows ({@code ResultRows}).
 */
package dev.railguard.spark.internal;
