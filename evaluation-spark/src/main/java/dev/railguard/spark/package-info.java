/**
 * Railguard on Apache Spark: evaluates a {@code Dataset<Row>} of recorded events on the executors, with the verdicts
 * of a single-JVM batch run. Entry points: {@link dev.railguard.spark.RailguardSpark#evaluate} with a
 * {@link dev.railguard.spark.SparkEvaluationSpec} (judges, metrics, budget per executor; never a credential), and
 * {@link dev.railguard.spark.RailguardSpark#perMetric} for one row per event and metric.
 */
package dev.railguard.spark;
