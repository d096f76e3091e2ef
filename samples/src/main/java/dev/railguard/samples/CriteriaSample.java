package dev.railguard.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.metrics.CriteriaMetric;

/** The README's examples of a criteria metric and of the judged catalogue, line for line, run by the build. */
public final class CriteriaSample {

    private CriteriaSample() {}

    /** A criteria metric in one line, registered like any other and used by name. */
    public static EvaluationResult criteria(ChatModel judgeModel) {
        CriteriaMetric polite = CriteriaMetric.builder("polite_next_step")
                .criteria("Polite, and ends with a concrete next step.")
                .build();
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("gpt-4o-mini", judgeModel))
                .metrics(MetricRegistry.installed().with(polite))
                .build()) {
            EvaluationResult result = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("My parcel is three days late."))
                    .modelOutput("Sorry about that! Track it with the link in your e-mail, or reply and we resend it.")
                    .metrics("polite_next_step")
                    .build());
            System.out.println(result.metric("polite_next_step").diagnostics()); // the steps the judge wrote
            return result;
        }
    }

    /** Retrieval and agent metrics of the catalogue on one request. */
    public static EvaluationResult catalogue(ChatModel judgeModel) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("gpt-4o-mini", judgeModel))
                .build()) {
            EvaluationResult result = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.builder()
                            .userPrompt("Book a table for two at Chez Marie at 8pm; what is the address?")
                            .groundTruth("Chez Marie is at 3 Rue Cler.")
                            .addDocuments("Chez Marie, 3 Rue Cler, Paris.", "Opening hours: 7pm to 11pm.")
                            .addToolCall("book_table", "{\"restaurant\":\"Chez Marie\",\"people\":2,\"time\":\"20:00\"}",
                                    "{\"ok\":true}")
                            .build())
                    .modelOutput("Booked for two at 8pm. Chez Marie is at 3 Rue Cler.")
                    .metrics("context_precision", "context_recall", "tool_call_accuracy", "task_completion")
                    .build());
            result.metrics().values().forEach(m -> System.out.println(m.metric() + " " + m.score() + " " + m.verdict()));
            return result;
        }
    }
}
