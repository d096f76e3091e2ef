package dev.railguard.metrics.reference;

import dev.railguard.api.MetricResult;
import dev.railguard.metrics.DefaultThresholds;
import java.util.List;
import java.util.Locale;

/**
 * {@code bleu}: sentence BLEU of the output against the ground truth as sacreBLEU 2.x's {@code sentence_bleu} computes
 * it with its defaults (the {@code 13a} tokenizer, exponential smoothing, effective order, case kept), divided by 100 so
 * that the score is in 0..1. Source: sacreBLEU (Post, 2018), {@code sacrebleu.metrics.BLEU}; checked against
 * sacreBLEU's own test cases.
 */
public final class BleuMetric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "bleu";

    /** The installed {@code bleu}. */
    public BleuMetric() {
        this(NAME, DefaultThresholds.of(NAME));
    }

    private BleuMetric(String name, double threshold) {
        super(name, "Sentence BLEU of the output against the ground truth, sacreBLEU defaults, 0..1 (offline, no"
                + " judge).", threshold);
    }

    /** A BLEU check named {@code name} with default threshold {@code threshold}. */
    public static BleuMetric of(String name, double threshold) {
        return new BleuMetric(name, threshold);
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        Bleu.Stats s = Bleu.stats(Bleu.tokenize13a(output), List.of(Bleu.tokenize13a(truth)));
        double bleu = Bleu.score(s, Bleu.Smoothing.EXP, Double.NaN, true);
        return result(fromPercent(bleu), threshold, String.format(Locale.ROOT, "BLEU %.2f (sacreBLEU sentence BLEU: 13a,"
                + " exp smoothing, effective order; matches %d/%d %d/%d %d/%d %d/%d, output %d tokens, ground truth %d)"
                + ".", bleu, s.correct()[0], s.total()[0], s.correct()[1], s.total()[1], s.correct()[2], s.total()[2],
                s.correct()[3], s.total()[3], s.sysLen(), s.refLen()), List.of(), List.of());
    }
}
