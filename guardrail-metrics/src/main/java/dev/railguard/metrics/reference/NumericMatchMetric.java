package dev.railguard.metrics.reference;

import dev.railguard.api.Checks;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import dev.railguard.metrics.DefaultThresholds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code numeric_match}: whether a number in the output is within tolerance of the number in the ground truth:
 * {@code |x - y| <= max(relativeTolerance * max(|x|, |y|), absoluteTolerance)}, the rule of Python's
 * {@code math.isclose}, whose defaults (relative 1e-9, absolute 0) the installed metric uses. Numbers are read with
 * thousands separators ({@code 1,299.50}) and exponents; the ground truth must hold exactly one number, else the
 * result is an ERROR naming the field. Score 1.0 when a number matches, else 0.0.
 */
public final class NumericMatchMetric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "numeric_match";

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])[-+\u2212]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w])");

    private final double relative;
    private final double absolute;

    /** The installed {@code numeric_match}: relative tolerance 1e-9, absolute 0. */
    public NumericMatchMetric() {
        this(NAME, DefaultThresholds.of(NAME), 1e-9, 0);
    }

    private NumericMatchMetric(String name, double threshold, double relative, double absolute) {
        super(name, "Whether a number in the output is within tolerance of the ground truth's (relative " + relative
                + ", absolute " + absolute + "; offline, no judge).", threshold);
        Checks.atLeast(relative, 0.0, "relativeTolerance");
        Checks.atLeast(absolute, 0.0, "absoluteTolerance");
        this.relative = relative;
        this.absolute = absolute;
    }

    /**
     * A numeric check named {@code name} with default threshold {@code threshold}.
     *
     * @param relativeTolerance the tolerance relative to the larger magnitude, 0 or more (0.01 is 1 %)
     * @param absoluteTolerance the absolute tolerance, 0 or more
     */
    public static NumericMatchMetric of(String name, double threshold, double relativeTolerance,
            double absoluteTolerance) {
        return new NumericMatchMetric(name, threshold, relativeTolerance, absoluteTolerance);
    }

    static List<BigDecimal> numbers(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(new BigDecimal(m.group().replace(",", "").replace('\u2212', '-')));
        }
        return out;
    }

    boolean close(double x, double y) {
        return Math.abs(x - y) <= Math.max(relative * Math.max(Math.abs(x), Math.abs(y)), absolute);
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        List<BigDecimal> expected = numbers(truth);
        if (expected.size() != 1) {
            return MetricResult.error(name(), threshold, "modelInput.groundTruth must hold exactly one number for '"
                    + name() + "', but holds " + expected.size() + ": '" + ExactMatchMetric.abbreviate(truth) + "'",
                    Usage.NONE, List.of());
        }
        double y = expected.get(0).doubleValue();
        List<BigDecimal> found = numbers(output);
        for (BigDecimal x : found) {
            if (close(x.doubleValue(), y)) {
                return result(1.0, threshold, "The output has " + x.toPlainString() + ", within tolerance of "
                        + expected.get(0).toPlainString() + ".", List.of(), List.of());
            }
        }
        return result(0.0, threshold, found.isEmpty() ? "The output has no number; expected "
                + expected.get(0).toPlainString() + "." : "No number in the output is within tolerance of "
                + expected.get(0).toPlainString() + " (found: " + found.stream().limit(10)
                .map(BigDecimal::toPlainString).toList() + ").", List.of(), List.of());
    }
}
