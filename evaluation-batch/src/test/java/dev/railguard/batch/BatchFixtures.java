package dev.railguard.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitKind;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Confidence;
import dev.railguard.api.Usage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Metrics for batch and report tests: deterministic in-process scores and a judged metric that needs a judge. */
public final class BatchFixtures {

    /** For tests that look into a results line as JSON. */
    static final ObjectMapper JSON = new ObjectMapper();

    private BatchFixtures() {}

    /**
     * {@code length_ok}: score = min(1, words / 10), threshold 0.5; counts its calls and runs {@code hook} first.
     */
    public static final class WordCountMetric implements InProcessMetric {
        final AtomicInteger calls = new AtomicInteger();
        volatile Consumer<EvaluationRequest> hook = r -> { };

        @Override
        public String name() {
            return "length_ok";
        }

        @Override
        public String description() {
            return "At least ten words.";
        }

        @Override
        public Set<InputRequirement> requires() {
            return Set.of();
        }

        @Override
        public double defaultThreshold() {
            return 0.5;
        }

        @Override
        public MetricResult evaluate(EvaluationRequest request, double threshold) {
            calls.incrementAndGet();
            hook.accept(request);
            String out = request.modelOutput().strip();
            int words = out.isEmpty() ? 0 : out.split("\\s+").length;
            double score = Math.min(1.0, words / 10.0);
            List<UnitVerdict> units = score >= threshold ? List.of() : List.of(new UnitVerdict("only " + words
                    + " words", "length", "", false, Confidence.CERTAIN, "length_ok", "needs 10 words", List.of()));
            return MetricResult.scored(name(), score, threshold, words + " words", units, Usage.NONE, List.of());
        }
    }

    /** {@code grounded}: a judged metric that needs the ground truth. */
    public static final class GroundedMetric implements JudgedMetric {
        @Override
        public String name() {
            return "grounded";
        }

        @Override
        public String description() {
            return "Matches the ground truth.";
        }

        @Override
        public Set<InputRequirement> requires() {
            return Set.of(InputRequirement.GROUND_TRUTH);
        }

        @Override
        public double defaultThreshold() {
            return 0.8;
        }

        @Override
        public UnitKind unitKind() {
            return new UnitKind("claim", "Split the output into claims.", UnitKind.Source.OUTPUT);
        }

        @Override
        public String rubric() {
            return "Y when the claim matches the ground truth.";
        }

        @Override
        public List<Evidence> evidence(EvaluationRequest request) {
            return List.of(new Evidence("ground_truth", request.modelInput().groundTruth()));
        }

        @Override
        public Aggregation aggregation() {
            return Aggregation.WEIGHTED_SHARE;
        }

        @Override
        public String promptVersion() {
            return "v1";
        }
    }

    public static final String HOW_TO = "No judge is configured. Set RAILGUARD_JUDGE_BASE_URL.";

    public static String line(String prompt, String output, String nametag, String... metrics) {
        StringBuilder m = new StringBuilder();
        for (String s : metrics) {
            m.append(m.length() == 0 ? "" : ",").append('"').append(s).append('"');
        }
        return "{\"model_input\":{\"user_prompt\":" + json(prompt) + "},\"model_output\":" + json(output)
                + ",\"model_used\":\"gpt-4o-mini\",\"run_mode\":\"fast\",\"nametag\":" + json(nametag)
                + ",\"guardrail_metrics\":[" + m + "]}";
    }

    public static String json(String s) {
        return s == null ? "null" : BatchFixtures.JSON.getNodeFactory().textNode(s).toString();
    }
}
