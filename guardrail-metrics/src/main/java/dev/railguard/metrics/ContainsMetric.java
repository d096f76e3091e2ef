package dev.railguard.metrics;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An offline check with a name of your choosing that the output contains phrases: all of them ({@link #all}), at
 * least one ({@link #any}) or none ({@link #none}). Matching ignores case and collapses runs of white space. Register
 * it with {@code MetricRegistry.with(...)}.
 * <ul>
 * <li>Unit: one per phrase: Y when the phrase is where the rule wants it (present for all/any, absent for none), with
 * its span when it is present.</li>
 * <li>Score: for {@code all} and {@code none}, the share of phrases that satisfy the rule; for {@code any}, 1.0 when at
 * least one phrase is present, else 0.0. Default threshold 1.0.</li>
 * </ul>
 *
 * <pre>{@code
 * MetricRegistry metrics = MetricRegistry.installed()
 *     .with(ContainsMetric.all("mentions_refund_window", "30 days"),
 *           ContainsMetric.none("no_competitor_names", "Acme", "Globex"));
 * }</pre>
 */
public final class ContainsMetric extends OfflineCheck {

    /** What the phrases must do. */
    private enum Rule { ALL, ANY, NONE }

    private final Rule rule;
    private final List<String> phrases;

    private ContainsMetric(String name, Rule rule, String... phrases) {
        super(name, describe(rule, phrases), 1.0);
        this.rule = rule;
        this.phrases = List.of(phrases);
    }

    private static String describe(Rule rule, String... phrases) {
        Objects.requireNonNull(phrases, "phrases must not be null");
        if (phrases.length == 0) {
            throw new IllegalArgumentException("phrases must name at least one phrase, but was: []");
        }
        for (String p : phrases) {
            Objects.requireNonNull(p, "phrases[] must not be null");
            if (p.isBlank()) {
                throw new IllegalArgumentException("phrases[] must not be blank, but was: '" + p + "'");
            }
        }
        String list = List.of(phrases).stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
        return switch (rule) {
            case ALL -> "Whether the output contains all of " + list + " (offline, no judge).";
            case ANY -> "Whether the output contains at least one of " + list + " (offline, no judge).";
            case NONE -> "Whether the output contains none of " + list + " (offline, no judge).";
        };
    }

    /** A check named {@code name} that every phrase occurs in the output. */
    public static ContainsMetric all(String name, String... phrases) {
        return new ContainsMetric(name, Rule.ALL, phrases);
    }

    /** A check named {@code name} that at least one phrase occurs in the output. */
    public static ContainsMetric any(String name, String... phrases) {
        return new ContainsMetric(name, Rule.ANY, phrases);
    }

    /** A check named {@code name} that no phrase occurs in the output. */
    public static ContainsMetric none(String name, String... phrases) {
        return new ContainsMetric(name, Rule.NONE, phrases);
    }

    /** The phrases. */
    public List<String> phrases() {
        return phrases;
    }

    @Override
    protected MetricResult check(EvaluationRequest request, double threshold) {
        String output = request.modelOutput();
        List<UnitVerdict> units = new ArrayList<>();
        int present = 0;
        for (String phrase : phrases) {
            int[] at = locate(output, phrase);
            boolean found = at != null;
            present += found ? 1 : 0;
            boolean satisfied = rule == Rule.NONE ? !found : found;
            String reason = found ? "present at " + span(at[0], at[1]) : "absent";
            units.add(unit(phrase, rule.name().toLowerCase(Locale.ROOT), satisfied, reason));
        }
        double score = switch (rule) {
            case ALL -> (double) present / phrases.size();
            case ANY -> present > 0 ? 1.0 : 0.0;
            case NONE -> (double) (phrases.size() - present) / phrases.size();
        };
        List<String> failing = units.stream().filter(u -> !u.satisfied()).map(u -> "'" + u.text() + "'").toList();
        String rationale = switch (rule) {
            case ALL -> failing.isEmpty() ? "The output contains all " + phrases.size() + " phrases."
                    : "The output lacks " + String.join(", ", failing) + ".";
            case ANY -> present > 0 ? "The output contains " + present + " of the " + phrases.size() + " phrases."
                    : "The output contains none of the phrases.";
            case NONE -> failing.isEmpty() ? "The output contains none of the " + phrases.size()
                    + " forbidden phrases." : "The output contains the forbidden " + String.join(", ", failing) + ".";
        };
        return result(score, threshold, rationale + " (score " + format(score) + ")", units, List.of());
    }

    /** The span of {@code phrase} in {@code text} ignoring case and runs of white space, or null. */
    static int[] locate(String text, String phrase) {
        StringBuilder regex = new StringBuilder();
        for (String word : phrase.trim().split("\\s+")) {
            regex.append(regex.length() == 0 ? "" : "\\s+").append(java.util.regex.Pattern.quote(word));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex.toString(),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(text);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }
}
