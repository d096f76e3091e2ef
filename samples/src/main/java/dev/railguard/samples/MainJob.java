package dev.railguard.samples;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.junit.JudgeEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * The main job: evaluates the bundled cases with the judge the environment configures, and says what it needs when
 * none is configured.
 */
public final class MainJob {

    private MainJob() {}

    static List<EvaluationRequest> cases() {
        return List.of(
                EvaluationRequest.builder()
                        .modelInput(ModelInput.builder().userPrompt("What is the capital of France?").groundTruth("Paris").build())
                        .modelOutput("The capital of France is Paris.")
                        .metrics("correctness", "completeness", "ground_truth_adherence")
                        .nametag("geography")
                        .build(),
                EvaluationRequest.builder()
                        .modelInput(ModelInput.builder()
                                .userPrompt("How long do I have to return an item?")
                                .addDocuments("Items can be returned within 30 days of delivery with a receipt.")
                                .build())
                        .modelOutput("You can return items within 90 days, no receipt needed.")
                        .metrics("context_adherence", "comprehensive_safety")
                        .nametag("support")
                        .build());
    }

    /** Runs the job. */
    public static void main(String... args) {
        JudgeEnvironment environment = JudgeEnvironment.fromSystem();
        Optional<JudgePanel> panel = environment.panel();
        if (panel.isEmpty()) {
            System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE);
            return;
        }
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel.get()).build()) {
            for (EvaluationRequest request : cases()) {
                EvaluationResult result = evaluator.evaluate(request);
                System.out.println(result.eventId() + " [" + request.nametag() + "] passed=" + result.passed());
                for (MetricResult m : result.metrics().values()) {
                    System.out.println("  " + m.metric() + ": " + m.verdict() + " " + m.score() + " - " + m.rationale());
                }
            }
        }
    }
}
