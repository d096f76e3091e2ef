package dev.railguard.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A labelled, untrusted text a judge sees besides the output: the user prompt, the documents, the ground truth.
 * The engine puts it between per-call nonce delimiters and tells the judge it is data, not instructions.
 *
 * <p>The static factories render the parts of a {@link ModelInput} the one way every judge prompt shows them (the
 * built-in metrics, criteria metrics and the engine's partition calls all use them).
 *
 * @param label a short snake_case label, for example {@code "ground_truth"}
 * @param text  the text; never {@code null}
 */
public record Evidence(String label, String text) {

    /**
     * The labels of the sections that quote a request's parts, the one spelling the engine writes into judge prompts
     * and a simulated judge reads back: {@value}.
     */
    public static final String SYSTEM_PROMPT = "system_prompt";
    /** The user prompt's label: {@value}. */
    public static final String USER_PROMPT = "user_prompt";
    /** The conversation's label: {@value}. */
    public static final String CONTEXT = "context";
    /** The documents' label: {@value}. */
    public static final String DOCUMENTS = "documents";
    /** The ground truth's label: {@value}. */
    public static final String GROUND_TRUTH = "ground_truth";
    /** The tool calls' label: {@value}. */
    public static final String TOOL_CALLS = "tool_calls";
    /** The label of the output under evaluation: {@value}. */
    public static final String MODEL_OUTPUT = "model_output";
    /** Validates. */
    public Evidence {
        Checks.nonBlank(label, "evidence.label");
        Checks.notNull(text, "evidence.text");
    }

    /** The non-blank prompts: {@code system_prompt}, then {@code user_prompt}. */
    public static List<Evidence> prompts(ModelInput input) {
        List<Evidence> out = new ArrayList<>();
        if (!Checks.isBlank(input.systemPrompt())) {
            out.add(new Evidence(SYSTEM_PROMPT, input.systemPrompt()));
        }
        out.addAll(userPrompt(input));
        return out;
    }

    /**
     * The user prompt alone as a {@code user_prompt} section, if not blank: for a rubric that does not use the system
     * prompt (it would cost its size on every call and invite anchoring on the application's framing).
     */
    public static List<Evidence> userPrompt(ModelInput input) {
        String prompt = input.userPrompt();
        return Checks.isBlank(prompt) ? List.of() : List.of(new Evidence(USER_PROMPT, prompt));
    }

    /**
     * The non-blank documents as one {@code documents} section, each headed {@code [document k]} (k from 1, in their
     * order) when there are several; empty without documents.
     */
    public static List<Evidence> documents(ModelInput input) {
        List<String> docs = input.documents().stream().filter(d -> !d.isBlank()).toList();
        if (docs.isEmpty()) {
            return List.of();
        }
        if (docs.size() == 1) {
            return List.of(new Evidence(DOCUMENTS, docs.get(0)));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            sb.append(i == 0 ? "" : "\n\n").append("[document ").append(i + 1).append("]\n").append(docs.get(i));
        }
        return List.of(new Evidence(DOCUMENTS, sb.toString()));
    }

    /** The non-blank context messages as one {@code context} section of {@code role: content} lines, if any. */
    public static List<Evidence> context(ModelInput input) {
        List<ContextMessage> messages = input.context().stream().filter(m -> !m.content().isBlank()).toList();
        return messages.isEmpty() ? List.of() : List.of(new Evidence(CONTEXT, ContextMessage.transcript(messages)));
    }

    /** The ground truth as a {@code ground_truth} section, if present. */
    public static List<Evidence> groundTruth(ModelInput input) {
        return input.groundTruthIfPresent().map(g -> List.of(new Evidence(GROUND_TRUTH, g))).orElse(List.of());
    }

    /**
     * The tool calls as one {@code tool_calls} section, each headed {@code [call k] name} with its arguments and
     * result on the following lines; empty without tool calls.
     */
    public static List<Evidence> toolCalls(ModelInput input) {
        if (input.toolCalls().isEmpty()) {
            return List.of();
        }
        List<ModelInput.ToolCall> calls = input.toolCalls();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            ModelInput.ToolCall c = calls.get(i);
            sb.append(i == 0 ? "" : "\n\n").append("[call ").append(i + 1).append("] ").append(c.name())
                    .append("\narguments: ").append(c.arguments().isBlank() ? "(none)" : c.arguments())
                    .append("\nresult: ").append(c.result().isBlank() ? "(nothing returned)" : c.result());
        }
        return List.of(new Evidence(TOOL_CALLS, sb.toString()));
    }
}
