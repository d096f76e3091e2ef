package dev.railguard.junit;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Verdict;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.Redaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The texts of Railguard's assertion failures, one {@code should...} factory per assertion (AssertJ's
 * {@code error} package style). The assertions throw exactly these texts, so a test can assert
 * {@code hasMessage(RailguardMessages.shouldPass(result))}.
 *
 * <p>Every failure says what was expected and what happened, and for each metric that did not pass: its verdict,
 * score and threshold, the rationale, the failing units with the judge's reasons and the diagnostics. A developer
 * reading it can fix the prompt without rerunning the test. When the assertion evaluated the output itself
 * ({@link RailguardAssertions#assertThatOutput}), the output and its input close the message.
 *
 * <p>Lines are separated by {@code \n}; numbers are printed with at most four decimals, trailing zeros dropped.
 */
public final class RailguardMessages {

    /** At most this many failing units are listed per metric. */
    static final int MAX_UNITS = 10;

    private RailguardMessages() {}

    // ---- the evaluation as a whole ----------------------------------------------------------------------------

    /**
     * Why {@link EvaluationResultAssert#passes()} failed.
     *
     * @param actual  the result; never {@code null}
     * @param request the request the result answers, or {@code null} when it is not known
     */
    public static String shouldPass(EvaluationResult actual, EvaluationRequest request) {
        StringBuilder sb = new StringBuilder("Expecting evaluation ").append(actual.eventId()).append(" to pass");
        List<MetricResult> notPassed = actual.notPassed();
        if (actual.status() != EvaluationStatus.COMPLETED) {
            sb.append(", but it ended ").append(actual.status()).append(": ").append(orNone(actual.failure()));
        } else if (actual.metrics().isEmpty()) {
            sb.append(", but it has no metric result");
        } else {
            sb.append(", but ").append(notPassed.size()).append(" of ").append(actual.metrics().size())
                    .append(actual.metrics().size() == 1 ? " metric" : " metrics").append(" did not:");
        }
        appendSummary(sb, actual);
        for (MetricResult m : notPassed) {
            sb.append("\n\n").append(details(m));
        }
        return sb.append(subject(request)).toString();
    }

    /** Shorthand for {@code shouldPass(actual, null)}. */
    public static String shouldPass(EvaluationResult actual) {
        return shouldPass(actual, null);
    }

    /**
     * Why {@link EvaluationResultAssert#fails()} failed: every metric passed, or some metric could not be evaluated
     * (an ERROR or SKIPPED metric leaves open whether the output fails, so it never satisfies {@code fails()}).
     *
     * @param actual  the result; never {@code null}
     * @param request the request the result answers, or {@code null}
     */
    public static String shouldFail(EvaluationResult actual, EvaluationRequest request) {
        StringBuilder sb = new StringBuilder("Expecting evaluation ").append(actual.eventId())
                .append(" to fail (a metric below its threshold)");
        List<MetricResult> unevaluated = unevaluated(actual);
        if (actual.status() != EvaluationStatus.COMPLETED) {
            sb.append(", but it ended ").append(actual.status()).append(": ").append(orNone(actual.failure()));
        } else if (!unevaluated.isEmpty()) {
            sb.append(", but ").append(unevaluated.size()).append(unevaluated.size() == 1 ? " metric" : " metrics")
                    .append(" could not be evaluated, so whether the output fails is unknown:");
        } else if (actual.metrics().isEmpty()) {
            sb.append(", but it has no metric result");
        } else {
            sb.append(", but every metric passed:");
        }
        appendSummary(sb, actual);
        for (MetricResult m : unevaluated) {
            sb.append("\n\n").append(details(m));
        }
        return sb.append(subject(request)).toString();
    }

    /** Shorthand for {@code shouldFail(actual, null)}. */
    public static String shouldFail(EvaluationResult actual) {
        return shouldFail(actual, null);
    }

    /** Why {@link EvaluationResultAssert#hasNoErrors()} failed. */
    public static String shouldHaveNoErrors(EvaluationResult actual, EvaluationRequest request) {
        List<MetricResult> errors = actual.metrics().values().stream()
                .filter(m -> m.verdict() == Verdict.ERROR).toList();
        StringBuilder sb = new StringBuilder("Expecting evaluation ").append(actual.eventId())
                .append(" to have no metric in ERROR, but ").append(errors.size())
                .append(errors.size() == 1 ? " metric was:" : " metrics were:");
        appendSummary(sb, actual);
        for (MetricResult m : errors) {
            sb.append("\n\n").append(details(m));
        }
        return sb.append(subject(request)).toString();
    }

    /** Why {@link EvaluationResultAssert#metric(String)} failed: the result has no such metric. */
    public static String shouldHaveMetric(EvaluationResult actual, String metric) {
        return "Expecting evaluation " + actual.eventId() + " to have a result for metric:\n  '" + metric
                + "'\nbut it has results for:\n  " + actual.metrics().keySet();
    }

    // ---- one metric --------------------------------------------------------------------------------------------

    /** Why {@link MetricResultAssert#passes()} failed. */
    public static String shouldPass(MetricResult actual, EvaluationRequest request) {
        return "Expecting metric '" + actual.metric() + "' to pass, but it did not:\n\n" + details(actual)
                + subject(request);
    }

    /** Why {@link MetricResultAssert#fails()} failed. */
    public static String shouldFail(MetricResult actual, EvaluationRequest request) {
        return "Expecting metric '" + actual.metric() + "' to fail (score below its threshold), but it did not:\n\n"
                + details(actual) + subject(request);
    }

    /** Why {@link MetricResultAssert#hasScoreAtLeast(double)} failed. */
    public static String shouldHaveScoreAtLeast(MetricResult actual, double minimum, EvaluationRequest request) {
        return "Expecting metric '" + actual.metric() + "' to have a score of at least:\n  " + number(minimum)
                + "\n" + butWas(actual) + "\n\n" + details(actual) + subject(request);
    }

    /** Why {@link MetricResultAssert#hasScoreAtMost(double)} failed. */
    public static String shouldHaveScoreAtMost(MetricResult actual, double maximum, EvaluationRequest request) {
        return "Expecting metric '" + actual.metric() + "' to have a score of at most:\n  " + number(maximum)
                + "\n" + butWas(actual) + "\n\n" + details(actual) + subject(request);
    }

    /** Why {@link MetricResultAssert#hasVerdict(Verdict)} failed. */
    public static String shouldHaveVerdict(MetricResult actual, Verdict expected, EvaluationRequest request) {
        return "Expecting metric '" + actual.metric() + "' to have the verdict:\n  " + expected + "\nbut was:\n  "
                + actual.verdict() + "\n\n" + details(actual) + subject(request);
    }

    /** Why {@link MetricResultAssert#hasNoDiagnosticsAtOrAbove(Diagnostic.Severity)} failed. */
    public static String shouldHaveNoDiagnosticsAtOrAbove(MetricResult actual, Diagnostic.Severity severity,
            EvaluationRequest request) {
        List<Diagnostic> found = actual.diagnostics().stream()
                .filter(d -> d.severity().compareTo(severity) >= 0).toList();
        return "Expecting metric '" + actual.metric() + "' to have no diagnostic at or above " + severity
                + ", but it has " + found.size() + ":\n" + found.stream().map(d -> "  - " + d)
                        .collect(Collectors.joining("\n"))
                + subject(request);
    }

    // ---- the extension ----------------------------------------------------------------------------------------

    /** Why {@link RailguardExtension} skipped a test that needs a judge: none is configured. */
    public static String noJudgeSkipped() {
        return "This test needs a judge, so it is skipped. " + JudgeEnvironment.HOW_TO_CONFIGURE
                + " To fail instead of skipping (for CI), set railguard.junit.requireJudge=true or"
                + " RAILGUARD_REQUIRE_JUDGE=true.";
    }

    /** Why {@link RailguardExtension} failed a test that needs a judge when one is required and none is configured. */
    public static String noJudgeRequired() {
        return "This test needs a judge and railguard.junit.requireJudge (or RAILGUARD_REQUIRE_JUDGE) is true, so it"
                + " fails instead of being skipped. "
                + JudgeEnvironment.HOW_TO_CONFIGURE;
    }

    // ---- the parts ---------------------------------------------------------------------------------------------

    /**
     * One line per metric, as the IDE diff shows it: {@code name: PASS}, or the verdict with its score and threshold
     * or why there is no score.
     */
    static String verdictLines(EvaluationResult result) {
        return result.metrics().values().stream().map(RailguardMessages::verdictLine)
                .collect(Collectors.joining("\n"));
    }

    /** What {@link #verdictLines} would be if every metric passed. */
    static String passingVerdictLines(EvaluationResult result) {
        return result.metrics().keySet().stream().map(name -> name + ": PASS").collect(Collectors.joining("\n"));
    }

    /** {@code correctness: FAIL (score 0.6 < threshold 0.8)}. */
    static String verdictLine(MetricResult m) {
        return switch (m.verdict()) {
            case PASS -> m.metric() + ": PASS";
            case FAIL -> m.metric() + ": FAIL (score " + number(m.score().getAsDouble()) + " < threshold "
                    + number(m.threshold()) + ")";
            case ERROR -> m.metric() + ": ERROR (could not be evaluated)";
            case SKIPPED -> m.metric() + ": SKIPPED (not evaluated)";
        };
    }

    /** Everything known about one metric: verdict, score, threshold, rationale, failing units, diagnostics. */
    static String details(MetricResult m) {
        StringBuilder sb = new StringBuilder(m.metric()).append(": ");
        switch (m.verdict()) {
            case PASS -> sb.append("PASS, score ").append(number(m.score().getAsDouble()))
                    .append(" reaches the threshold ").append(number(m.threshold()))
                    .append("\n  rationale: ").append(orNone(m.rationale()));
            case FAIL -> sb.append("FAIL, score ").append(number(m.score().getAsDouble()))
                    .append(" is below the threshold ").append(number(m.threshold()))
                    .append("\n  rationale: ").append(orNone(m.rationale()));
            case ERROR -> sb.append("ERROR, the metric could not be evaluated, and an error never counts as a pass")
                    .append("\n  cause: ").append(orNone(m.rationale()));
            case SKIPPED -> sb.append("SKIPPED, the metric was not evaluated, and a skipped metric never counts as a"
                    + " pass").append("\n  reason: ").append(orNone(m.rationale()));
        }
        List<UnitVerdict> failing = m.failingUnits();
        if (!failing.isEmpty()) {
            sb.append("\n  failing units (").append(failing.size()).append(" of ").append(m.units().size())
                    .append("):");
            for (int i = 0; i < Math.min(MAX_UNITS, failing.size()); i++) {
                sb.append("\n    - ").append(unit(failing.get(i)));
            }
            if (failing.size() > MAX_UNITS) {
                sb.append("\n    - and ").append(failing.size() - MAX_UNITS).append(" more");
            }
        }
        // The rationale of ERROR and SKIPPED is repeated as their first diagnostic; print it once.
        List<Diagnostic> diagnostics = m.diagnostics().stream()
                .filter(d -> !d.message().equals(m.rationale())).toList();
        if (!diagnostics.isEmpty()) {
            sb.append("\n  diagnostics:");
            diagnostics.forEach(d -> sb.append("\n    - ").append(d));
        }
        return Redaction.redact(sb.toString());
    }

    /** {@code 'Paris has 80 million inhabitants.' judged N with high confidence by judge: About 2 million.} */
    static String unit(UnitVerdict u) {
        StringBuilder sb = new StringBuilder("'").append(u.text()).append('\'');
        if (!u.label().isEmpty()) {
            sb.append(" [").append(u.label()).append(']');
        }
        sb.append(" judged ").append(u.verdictLetter()).append(" with ")
                .append(u.confidence().name().toLowerCase(Locale.ROOT)).append(" confidence by ").append(u.judge());
        if (u.disputed()) {
            sb.append(" (judges disagreed)");
        }
        if (!u.reason().isEmpty()) {
            sb.append(": ").append(u.reason());
        }
        return Redaction.redact(sb.toString());
    }

    /**
     * A score or threshold for people: at most four decimals, trailing zeros dropped ({@code 0.6154}, {@code 0.8},
     * {@code 1}).
     */
    public static String number(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void appendSummary(StringBuilder sb, EvaluationResult actual) {
        if (!actual.metrics().isEmpty()) {
            for (String line : verdictLines(actual).split("\n")) {
                sb.append("\n  ").append(line);
            }
        }
    }

    private static String butWas(MetricResult m) {
        return m.score().isPresent() ? "but was:\n  " + number(m.score().getAsDouble())
                : "but it has no score (" + m.verdict() + "):";
    }

    private static List<MetricResult> unevaluated(EvaluationResult r) {
        return r.metrics().values().stream()
                .filter(m -> m.verdict() == Verdict.ERROR || m.verdict() == Verdict.SKIPPED).toList();
    }

    /** The output and its input, when the assertion evaluated them itself. */
    static String subject(EvaluationRequest request) {
        if (request == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n\noutput under test:\n").append(indent(request.modelOutput()));
        ModelInput in = request.modelInput();
        sb.append("\ninput:");
        if (!isBlank(in.systemPrompt())) {
            sb.append("\n  system prompt: ").append(in.systemPrompt());
        }
        if (!isBlank(in.userPrompt())) {
            sb.append("\n  user prompt: ").append(in.userPrompt());
        }
        if (!isBlank(in.groundTruth())) {
            sb.append("\n  ground truth: ").append(in.groundTruth());
        }
        for (int i = 0; i < in.documents().size(); i++) {
            sb.append("\n  document ").append(i + 1).append(": ").append(in.documents().get(i));
        }
        in.context().forEach(c -> sb.append("\n  context ").append(c.role()).append(": ").append(c.content()));
        return Redaction.redact(sb.toString());
    }

    private static String indent(String text) {
        return text.isEmpty() ? "  (empty)" : "  " + text.replace("\n", "\n  ");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNone(String s) {
        return isBlank(s) ? "(none given)" : s;
    }
}
