/**
 * Reference scores: offline metrics that compare the output with {@code modelInput.groundTruth}, as the tools people
 * trust compute them: {@code exact_match} and {@code token_f1} as SQuAD v1.1's official evaluation,
 * {@code rouge_l} as Google's {@code rouge-score} (no stemming), {@code bleu} and {@code chrf} as sacreBLEU 2.x with
 * its defaults, {@code levenshtein} (Apache Commons Text), {@code json_equals} (structural, key order ignored, numbers by
 * value) and {@code numeric_match}. Each needs a ground truth (a request without one is rejected, naming the field),
 * makes no judge call in any run mode, and has its default threshold in {@link dev.railguard.metrics.DefaultThresholds}.
 * Each class has a no-argument constructor (the installed metric, found by {@link java.util.ServiceLoader}) and a
 * factory {@code of(name, threshold, ...)} with plain options for a configured copy.
 */
package dev.railguard.metrics.reference;
