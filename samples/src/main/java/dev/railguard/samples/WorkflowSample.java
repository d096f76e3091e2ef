package dev.railguard.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.workflow.EvaluationAttempt;
import dev.railguard.event.EventInput;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.workflow.Tolerance;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import dev.railguard.config.JudgeEnvironment;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A Defend-style workflow: an answer with a wrong figure is judged, repaired with FIXIT until it passes, and then
 * streamed; run with a judge configured in the environment (see {@link JudgeEnvironment}).
 */
public final class WorkflowSample {

    static final ModelInput INPUT = ModelInput.builder()
            .systemPrompt("Answer in one or two sentences.")
            .userPrompt("What is the capital of France, and how many people live in that city?")
            .build();
    static final String WRONG_ANSWER = "The capital of France is Paris. About 80 million people live in Paris.";

    private WorkflowSample() {}

    /** Runs the sample against the configured judge, or says what is missing. */
    public static void main(String... args) {
        JudgeEnvironment environment = JudgeEnvironment.fromSystem();
        Optional<JudgePanel> panel = environment.panel();
        Optional<ChatModel> generator = SampleModels.generator(environment);
        if (panel.isEmpty() || generator.isEmpty()) {
            System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE + " " + SampleModels.HOW_TO_CONFIGURE_GENERATOR);
            return;
        }
        run(panel.get(), generator.get(), System.out);
    }

    /** The sample itself: returns the repaired event. */
    static WorkflowEvent run(JudgePanel panel, ChatModel generator, PrintStream out) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel).build();
                Workflow workflow = Workflow.builder()
                        .name("capital facts")
                        .evaluator(evaluator)
                        .metric("correctness", 0.8)                 // custom threshold
                        .metric("completeness", Tolerance.HIGH)     // automatic: lenient
                        .improvementAction(ImprovementAction.FIXIT)
                        .maxImprovementAttempts(3)
                        .generator(generator)
                        .build()) {
            WorkflowEvent submitted = workflow.submit(EventInput.of(INPUT, WRONG_ANSWER).withModelUsed("gpt-4o-mini"));
            out.println("submitted " + submitted.eventId() + " to " + workflow.id() + ": " + submitted.status().wireName());
            WorkflowEvent event = workflow.completion(submitted.eventId()).orTimeout(5, TimeUnit.MINUTES).join();
            out.println("status " + event.status().wireName() + ", improvement " + event.improvementToolStatus()
                    + ", filtered " + event.filtered());
            for (EvaluationAttempt attempt : event.evaluationHistory()) {
                out.println("  " + attempt.attempt() + " (judge calls " + attempt.judgeUsage().judgeCalls()
                        + ", carried over " + attempt.carriedOver() + ")");
                for (MetricResult m : attempt.metrics().values()) {
                    out.println("    " + m.metric() + " " + m.verdict() + " " + m.score() + " / " + m.threshold());
                }
                if (!attempt.analysisOfFailures().isEmpty()) {
                    out.println("    analysis: " + attempt.analysisOfFailures());
                    out.println("    key improvements: " + attempt.keyImprovements());
                }
            }
            out.println("final output: " + event.finalOutput().orElse("(none)"));

            String streamed = collect(workflow.submitAndStream(EventInput.of(INPUT, WRONG_ANSWER)
                    .withModelUsed("gpt-4o-mini")));
            out.println("streamed: " + streamed);
            out.println("stats: " + workflow.stats());
            return event;
        }
    }

    /** Joins a stream of chunks (a real application forwards each chunk to its user as it arrives). */
    static String collect(Flow.Publisher<String> publisher) {
        CompletableFuture<String> text = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private final StringBuilder sb = new StringBuilder();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String chunk) {
                sb.append(chunk);
            }

            @Override
            public void onError(Throwable t) {
                text.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                text.complete(sb.toString());
            }
        });
        return text.orTimeout(5, TimeUnit.MINUTES).join();
    }

}
