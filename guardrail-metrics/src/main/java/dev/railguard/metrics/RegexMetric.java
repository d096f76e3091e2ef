package dev.railguard.metrics;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An offline regular-expression check with a name of your choosing: the output must contain a match
 * ({@link #mustMatch}) or must contain none ({@link #mustNotMatch}). Register it with {@code MetricRegistry.with(...)}.
 * <ul>
 * <li>Unit: for {@code mustMatch}, one unit (the first match with its span, or the missing pattern); for
 * {@code mustNotMatch}, each forbidden match with its span (up to 20).</li>
 * <li>Score: 1.0 when the rule holds, else 0.0. Default threshold 1.0.</li>
 * </ul>
 *
 * <pre>{@code
 * MetricRegistry metrics = MetricRegistry.installed()
 *     .with(RegexMetric.mustMatch("cites_ticket", Pattern.compile("\\bTICKET-\\d{4,}\\b")),
 *           RegexMetric.mustNotMatch("no_internal_urls", Pattern.compile("https?://[\\w.-]*\\.internal\\b")));
 * }</pre>
 */
public final class RegexMetric extends OfflineCheck {

    private static final int MAX_UNITS = 20;

    private final Pattern pattern;
    private final boolean mustMatch;

    private RegexMetric(String name, Pattern pattern, boolean mustMatch) {
        super(name, (mustMatch ? "Whether the output matches " : "Whether the output never matches ") + "/"
                + Objects.requireNonNull(pattern, "pattern must not be null").pattern() + "/ (offline, no judge).", 1.0);
        this.pattern = pattern;
        this.mustMatch = mustMatch;
    }

    /**
     * A check named {@code name} that passes when {@code pattern} is found in the output.
     *
     * @throws IllegalArgumentException if {@code name} is not snake_case
     */
    public static RegexMetric mustMatch(String name, Pattern pattern) {
        return new RegexMetric(name, pattern, true);
    }

    /**
     * A check named {@code name} that fails when {@code pattern} is found in the output.
     *
     * @throws IllegalArgumentException if {@code name} is not snake_case
     */
    public static RegexMetric mustNotMatch(String name, Pattern pattern) {
        return new RegexMetric(name, pattern, false);
    }

    /** The pattern. */
    public Pattern pattern() {
        return pattern;
    }

    @Override
    protected MetricResult check(EvaluationRequest request, double threshold) {
        Matcher m = pattern.matcher(request.modelOutput());
        String shown = "/" + pattern.pattern() + "/";
        if (mustMatch) {
            if (m.find()) {
                UnitVerdict u = unit(m.group(), "match", true, "matches " + shown + " at " + span(m.start(), m.end()));
                return result(1.0, threshold, "The output matches " + shown + " at " + span(m.start(), m.end()) + ".",
                        List.of(u), List.of());
            }
            return result(0.0, threshold, "The output does not match " + shown + ".",
                    List.of(unit(shown, "missing", false, "no match for " + shown)), List.of());
        }
        List<UnitVerdict> units = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            if (units.size() < MAX_UNITS) {
                units.add(unit(m.group(), "forbidden", false, "matches " + shown + " at " + span(m.start(), m.end())));
            }
            if (m.end() == m.start() && m.end() >= request.modelOutput().length()) {
                break;
            }
        }
        if (count == 0) {
            return result(1.0, threshold, "The output never matches " + shown + ".", List.of(), List.of());
        }
        return result(0.0, threshold, "The output matches the forbidden " + shown + " " + count + " time"
                + (count == 1 ? "" : "s") + ", first '" + units.get(0).text() + "'.", units, List.of());
    }
}
