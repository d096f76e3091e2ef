package dev.railguard.metrics.reference;

import dev.railguard.api.Checks;
import dev.railguard.api.MetricResult;
import dev.railguard.metrics.DefaultThresholds;
import java.util.List;
import java.util.Locale;

/**
 * {@code chrf}: chrF of the output against the ground truth as sacreBLEU 2.x computes it, with its defaults (character
 * order 6, word order 0, beta 2, case and white space as sacreBLEU treats them), divided by 100 so that the score is
 * in 0..1. {@link #of} sets the orders and beta (word order 2 is chrF++). Source: Popović (2015), sacreBLEU's
 * {@code sacrebleu.metrics.CHRF}; checked against sacreBLEU's own test cases.
 */
public final class ChrfMetric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "chrf";

    private final int charOrder;
    private final int wordOrder;
    private final double beta;

    /** The installed {@code chrf}: character order 6, word order 0, beta 2. */
    public ChrfMetric() {
        this(NAME, DefaultThresholds.of(NAME), 6, 0, 2);
    }

    private ChrfMetric(String name, double threshold, int charOrder, int wordOrder, double beta) {
        super(name, "chrF of the output against the ground truth, sacreBLEU (char order " + charOrder + ", word order "
                + wordOrder + ", beta " + beta + "), 0..1 (offline, no judge).", threshold);
        Checks.between(charOrder, 1, 20, "charOrder");
        Checks.between(wordOrder, 0, 10, "wordOrder");
        Checks.positive(beta, "beta");
        this.charOrder = charOrder;
        this.wordOrder = wordOrder;
        this.beta = beta;
    }

    /**
     * A chrF check named {@code name} with default threshold {@code threshold}.
     *
     * @param charOrder character n-gram order, 1 to 20 (sacreBLEU: 6)
     * @param wordOrder word n-gram order, 0 to 10 (sacreBLEU: 0; 2 for chrF++)
     * @param beta      the weight of recall against precision, more than 0 (sacreBLEU: 2)
     */
    public static ChrfMetric of(String name, double threshold, int charOrder, int wordOrder, double beta) {
        return new ChrfMetric(name, threshold, charOrder, wordOrder, beta);
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        double chrf = Chrf.score(Chrf.stats(output, truth, charOrder, wordOrder), beta, false);
        return result(fromPercent(chrf), threshold, String.format(Locale.ROOT, "chrF %.2f (sacreBLEU: char order %d, word"
                + " order %d, beta %s).", chrf, charOrder, wordOrder, beta), List.of(), List.of());
    }
}
