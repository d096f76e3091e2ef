package dev.railguard.metaeval;

import java.util.Objects;

/**
 * A case where the judge and the people disagree on a metric, kept so that a reader sees why and not only how often:
 * a false alarm (the judge said FAIL, people PASS) or a miss (the judge said PASS, people FAIL), with the output and
 * the judge's rationale. One per case and metric: the first repeat that disagreed.
 *
 * @param caseId    the case
 * @param metric    the metric
 * @param human     the people's label
 * @param repeat    which repeat disagreed first, 1-based
 * @param output    the output that was judged
 * @param rationale the judge's rationale for its verdict
 */
public record Disagreement(String caseId, String metric, HumanLabel human, int repeat, String output,
        String rationale) {

    /** Validates. */
    public Disagreement {
        Objects.requireNonNull(caseId, "caseId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(human, "human must not be null");
        Objects.requireNonNull(output, "output must not be null");
        rationale = rationale == null ? "" : rationale;
    }

    /** {@code "false alarm"} when the people said PASS (the judge failed a good output), else {@code "miss"}. */
    public String kind() {
        return human == HumanLabel.PASS ? "false alarm" : "miss";
    }
}
