package dev.railguard.workflow;

import dev.railguard.engine.EvaluationFailures;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.GuardrailRequestParams;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.guardrail.config.OutputGuardrailsConfig;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A LangChain4j {@link OutputGuardrail} that judges an AI service's answer with a {@link Workflow}'s metrics and
 * thresholds. When every metric passes, the answer goes through. Otherwise LangChain4j's own guardrail mechanism does
 * the improving, according to the workflow's action:
 * <ul>
 * <li>{@code fixit}: {@code reprompt} with the failing metrics' rationales and units, asking to fix only those;</li>
 * <li>{@code regen}: {@code retry}, the same messages again;</li>
 * <li>{@code do_nothing}: {@code failure}, which LangChain4j turns into an {@code OutputGuardrailException}.</li>
 * </ul>
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .chatMemory(MessageWindowChatMemory.withMaxMessages(20))   // LangChain4j re-sends the memory on retry
 *     .outputGuardrails(workflow.outputGuardrail())
 *     .outputGuardrailsConfig(workflow.outputGuardrail().config())
 *     .build();
 * }</pre>
 *
 * <p>The prompt judged is the last user message (and the system message) of the chat memory, else the invocation's
 * user message. Configure a chat memory: LangChain4j 1.19 rebuilds a retry from the memory's messages. A judge problem
 * is a fatal result (never a pass). The evaluation runs in {@code fast} mode on the calling thread.
 */
public final class WorkflowOutputGuardrail implements OutputGuardrail {

    private final Workflow workflow;
    private final LongAdder validations = new LongAdder();
    private final LongAdder failures = new LongAdder();

    WorkflowOutputGuardrail(Workflow workflow) {
        this.workflow = Objects.requireNonNull(workflow, "workflow must not be null");
    }

    /**
     * The LangChain4j configuration that lets the workflow's attempt budget run: {@code maxRetries =
     * maxImprovementAttempts + 1}, because LangChain4j 1.19 counts the first answer among the {@code maxRetries}
     * answers it validates before giving up with an {@code OutputGuardrailException}.
     */
    public OutputGuardrailsConfig config() {
        return OutputGuardrailsConfig.builder().maxRetries(workflow.settings().maxImprovementAttempts() + 1).build();
    }

    /** How many answers this guardrail judged. */
    public long validations() {
        return validations.sum();
    }

    /** How many answers failed a metric. */
    public long failures() {
        return failures.sum();
    }

    @Override
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        validations.increment();
        String output = request.responseFromLLM().aiMessage() == null ? null : request.responseFromLLM().aiMessage().text();
        if (output == null) {
            failures.increment();
            return fatal("the model returned no text to judge");
        }
        ModelInput input = prompt(request.requestParams());
        if (input == null) {
            return fatal("no user or system message to judge the answer against (configure a chat memory)");
        }
        EvaluationResult result;
        try {
            result = workflow.evaluateOnce(input, output, request.responseFromLLM().modelName());
        } catch (RuntimeException e) {
            failures.increment();
            return fatal("workflow '" + workflow.settings().name() + "' could not evaluate the answer: "
                    + EvaluationFailures.describe(e), e);
        }
        if (result.passed()) {
            return success();
        }
        failures.increment();
        if (result.status() != EvaluationStatus.COMPLETED
                || result.metrics().values().stream().noneMatch(m -> m.verdict() == Verdict.FAIL)) {
            // nothing failed on its merits: a judge problem is not the answer's fault, so no reprompt or retry
            return fatal("workflow '" + workflow.settings().name() + "' could not evaluate the answer: "
                    + (result.failure() != null ? result.failure() : FailureSummaries.analysis(result.metrics())));
        }
        String message = "the answer failed workflow '" + workflow.settings().name() + "': "
                + FailureSummaries.analysis(result.metrics());
        return switch (workflow.settings().improvementAction()) {
            case FIXIT -> reprompt(message, repromptText(result));
            case REGEN -> retry(message);
            case DO_NOTHING -> failure(message);
        };
    }

    /** The reprompt of FIXIT: the findings, and the instruction to fix only those. */
    static String repromptText(EvaluationResult result) {
        return "Your previous answer failed these checks:\n" + FailureSummaries.findings(result.metrics())
                + "\nAnswer again, fixing exactly these problems and keeping everything else of your previous answer"
                + " (content, tone, structure and format). Reply with the corrected answer only.";
    }

    static ModelInput prompt(GuardrailRequestParams params) {
        if (params == null) {
            return null;
        }
        String system = null;
        String user = null;
        if (params.chatMemory() != null) {
            List<ChatMessage> messages = params.chatMemory().messages();
            for (ChatMessage m : messages) {
                if (m instanceof SystemMessage s) {
                    system = s.text();
                } else if (m instanceof UserMessage u && u.hasSingleText()) {
                    user = u.singleText();
                }
            }
        }
        if (user == null && params.invocationContext() != null && params.invocationContext().userMessage() != null
                && params.invocationContext().userMessage().hasSingleText()) {
            user = params.invocationContext().userMessage().singleText();
        }
        if (user == null && params.userMessageTemplate() != null && !params.userMessageTemplate().isBlank()) {
            user = params.userMessageTemplate();
        }
        if ((user == null || user.isBlank()) && (system == null || system.isBlank())) {
            return null;
        }
        return ModelInput.builder().systemPrompt(system).userPrompt(user).build();
    }
}
