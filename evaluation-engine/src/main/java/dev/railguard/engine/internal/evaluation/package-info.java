/**
 * One evaluation from submission to result, behind RailguardEvaluator: MetricDispatch validates a request against
 * the metrics, the panel and the run mode's strategy (with SelfJudgingCheck) and starts every metric; ResultContract
 * decides PASS or FAIL from the score and the requested threshold and makes a broken result ERROR; EventHandle is the
 * handle of a submitted evaluation (status, result, cancellation, the evaluation timeout's ending); ResultWindow keeps
 * evaluateAll's bounded window of evaluations in flight.
 */
package dev.railguard.engine.internal.evaluation;
