/**
 * The vocabulary of Railguard: what a user hands over to be evaluated ({@link dev.railguard.api.EvaluationRequest},
 * {@link dev.railguard.api.ModelInput}), how it is judged ({@link dev.railguard.api.RunMode},
 * {@link dev.railguard.api.Capability}), what comes back ({@link dev.railguard.api.EvaluationResult},
 * {@link dev.railguard.api.MetricResult}, {@link dev.railguard.api.UnitVerdict}) and the metric SPI
 * ({@link dev.railguard.api.GuardrailMetric}).
 *
 * <p>Conventions of this package: values are records with accessors without {@code get}; collections are copied
 * and unmodifiable; a {@code null} where a value is required throws {@link java.lang.NullPointerException} naming
 * the field; any other bad value throws {@link java.lang.IllegalArgumentException} whose message names the field,
 * the value and what is allowed, in the one wording of {@link dev.railguard.api.Checks} ({@code "<field> must be
 * <what is allowed>, but was: <value>"}), which every module uses for its numeric settings. Nothing here depends on a
 * third-party library.
 */
package dev.railguard.api;
