/**
 * Railguard in the JVM's observability stack. {@link dev.railguard.telemetry.OpenTelemetryObserver} turns evaluations
 * into spans and {@code gen_ai.evaluation.result} events (OpenTelemetry GenAI semantic conventions);
 * {@link dev.railguard.telemetry.MicrometerObserver} into meters. Register either with the evaluator, monitor or
 * workflow builder's {@code observer(...)}. Each needs only its own library on the class path.
 */
package dev.railguard.telemetry;
