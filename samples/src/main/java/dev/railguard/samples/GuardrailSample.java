package dev.railguard.samples;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowOutputGuardrail;
import dev.railguard.config.JudgeEnvironment;
import java.io.PrintStream;
import java.util.Optional;

/**
 * A LangChain4j AI service guarded by a workflow's metrics: a failing answer is re-prompted with the judge's findings
 * (FIXIT) through LangChain4j's own output-guardrail mechanism; run with a judge configured in the environment.
 */
public final class GuardrailSample {

    /** The AI service. */
    interface Assistant {
        String answer(String question);
    }

    static final String QUESTION = "What is the capital of France, and how many people live in that city?";

    private GuardrailSample() {}

    /** Runs the sample against the configured judge, or says what is missing. */
    public static void main(String... args) {
        JudgeEnvironment environment = JudgeEnvironment.fromSystem();
        Optional<JudgePanel> panel = environment.panel();
        Optional<ChatModel> model = SampleModels.generator(environment);
        if (panel.isEmpty() || model.isEmpty()) {
            System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE + " " + SampleModels.HOW_TO_CONFIGURE_GENERATOR);
            return;
        }
        run(panel.get(), model.get(), System.out);
    }

    /** The sample itself: returns the answer that passed. */
    static String run(JudgePanel panel, ChatModel assistantModel, PrintStream out) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel).build();
                Workflow workflow = Workflow.builder().name("assistant guardrail").evaluator(evaluator)
                        .metric("correctness", 0.8)
                        .improvementAction(ImprovementAction.FIXIT)   // FIXIT -> reprompt, REGEN -> retry
                        .maxImprovementAttempts(2)
                        .generator(assistantModel)
                        .build()) {
            WorkflowOutputGuardrail guardrail = workflow.outputGuardrail();
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(assistantModel)
                    .chatMemory(MessageWindowChatMemory.withMaxMessages(20))
                    .outputGuardrails(guardrail)
                    .outputGuardrailsConfig(guardrail.config())
                    .build();
            String answer = assistant.answer(QUESTION);
            out.println("answer: " + answer);
            out.println("guardrail judged " + guardrail.validations() + " answers, " + guardrail.failures() + " failed");
            return answer;
        }
    }
}
