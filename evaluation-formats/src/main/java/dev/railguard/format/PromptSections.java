package dev.railguard.format;

import dev.railguard.api.ContextMessage;
import dev.railguard.api.Evidence;
import dev.railguard.api.ModelInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's parts as the labelled sections a judge reads, the one way every judge prompt shows them (the built-in
 * metrics, criteria and catalogue metrics, the engine's partition calls and FIXIT's repair prompt all use these
 * factories). Each section is labelled with the DeepRails field it quotes ({@link DeepRailsField#key()}), and the
 * output under evaluation with {@link #MODEL_OUTPUT}, so the judge sees the words of the event it was given and a
 * simulated judge reads the same labels back.
 */
public final class PromptSections {

    /** The label of the output under evaluation: the key of {@link DeepRailsField#MODEL_OUTPUT}. */
    public static final String MODEL_OUTPUT = DeepRailsField.MODEL_OUTPUT.key();

    private PromptSections() {}

    /** The non-blank prompts: {@code system_prompt}, then {@code user_prompt}. */
    public static List<Evidence> prompts(ModelInput input) {
        List<Evidence> out = new ArrayList<>();
        if (input.systemPrompt() != null && !input.systemPrompt().isBlank()) {
            out.add(new Evidence(DeepRailsField.SYSTEM_PROMPT.key(), input.systemPrompt()));
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
        return prompt == null || prompt.isBlank() ? List.of() : List.of(new Evidence(DeepRailsField.USER_PROMPT.key(), prompt));
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
            return List.of(new Evidence(DeepRailsField.DOCUMENTS.key(), docs.get(0)));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            sb.append(i == 0 ? "" : "\n\n").append("[document ").append(i + 1).append("]\n").append(docs.get(i));
        }
        return List.of(new Evidence(DeepRailsField.DOCUMENTS.key(), sb.toString()));
    }

    /** The non-blank context messages as one {@code context} section of {@code role: content} lines, if any. */
    public static List<Evidence> context(ModelInput input) {
        List<ContextMessage> messages = input.context().stream().filter(m -> !m.content().isBlank()).toList();
        return messages.isEmpty() ? List.of() : List.of(new Evidence(DeepRailsField.CONTEXT.key(), ContextMessage.transcript(messages)));
    }

    /** The ground truth as a {@code ground_truth} section, if present. */
    public static List<Evidence> groundTruth(ModelInput input) {
        return input.groundTruthIfPresent().map(g -> List.of(new Evidence(DeepRailsField.GROUND_TRUTH.key(), g))).orElse(List.of());
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
        return List.of(new Evidence(DeepRailsField.TOOL_CALLS.key(), sb.toString()));
    }
}
