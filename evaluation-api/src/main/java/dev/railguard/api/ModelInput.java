package dev.railguard.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model that produced an output was given: its prompts, and what the output should be checked against.
 *
 * <pre>{@code
 * ModelInput input = ModelInput.builder()
 *     .systemPrompt("Answer in one sentence.")
 *     .userPrompt("What is the capital of France?")
 *     .groundTruth("Paris")
 *     .build();
 * }</pre>
 *
 * @param systemPrompt the system prompt, or {@code null}
 * @param userPrompt   the user prompt, or {@code null}; at least one of the two prompts is not blank
 * @param groundTruth  the reference answer for {@code ground_truth_adherence}, or {@code null}
 * @param context      the conversation or agent state around the output; never {@code null}, may be empty
 * @param documents    the texts the output should be grounded in (retrieved passages, policies); never {@code null}
 * @param extras       any other named inputs, kept and passed to custom metrics; never {@code null}
 * @param toolCalls    the tool calls an agent made while producing the output, in order, with the results it was
 *                     given back; never {@code null}, may be empty
 */
public record ModelInput(
        String systemPrompt,
        String userPrompt,
        String groundTruth,
        List<ContextMessage> context,
        List<String> documents,
        Map<String, String> extras,
        List<ToolCall> toolCalls) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if both prompts are missing or blank
     */
    public ModelInput {
        if (Checks.isBlank(systemPrompt) && Checks.isBlank(userPrompt)) {
            throw new IllegalArgumentException(
                    "modelInput must have a systemPrompt or a userPrompt, but both were missing or blank");
        }
        context = Checks.copy(context == null ? List.of() : context, "modelInput.context");
        documents = Checks.copy(documents == null ? List.of() : documents, "modelInput.documents");
        extras = Checks.copy(extras == null ? Map.of() : extras, "modelInput.extras");
        toolCalls = Checks.copy(toolCalls == null ? List.of() : toolCalls, "modelInput.toolCalls");
    }

    /** An input that is just a user prompt. */
    public static ModelInput ofUserPrompt(String userPrompt) {
        return builder().userPrompt(userPrompt).build();
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this input's values. */
    public Builder toBuilder() {
        Builder b = new Builder().systemPrompt(systemPrompt).userPrompt(userPrompt).groundTruth(groundTruth);
        b.context.addAll(context);
        b.documents.addAll(documents);
        b.extras.putAll(extras);
        b.toolCalls.addAll(toolCalls);
        return b;
    }

    /** The ground truth if it is present and not blank. */
    public Optional<String> groundTruthIfPresent() {
        return Checks.isBlank(groundTruth) ? Optional.empty() : Optional.of(groundTruth);
    }

    /** Whether there is any non-blank document or context message. */
    public boolean hasUsableContext() {
        return documents.stream().anyMatch(d -> !d.isBlank()) || context.stream().anyMatch(m -> !m.content().isBlank());
    }

    /**
     * One tool call an agent made while producing its output: the tool's name, the arguments it was called with and
     * what the tool returned. Metrics that judge agents ({@code tool_call_accuracy}, {@code task_completion}) read
     * them from {@link ModelInput#toolCalls()}, in the order they were made.
     *
     * <pre>{@code
     * ModelInput.ToolCall call = ModelInput.ToolCall.of("get_weather", "{\"city\":\"Paris\"}", "18 C, light rain");
     * }</pre>
     *
     * @param name      the tool's name; never blank
     * @param arguments the arguments as the agent sent them (usually a JSON object); never {@code null}, may be empty
     * @param result    what the tool returned (or its error); never {@code null}, may be empty when it returned nothing
     */
    public record ToolCall(String name, String arguments, String result) {

        /** Validates. */
        public ToolCall {
            Checks.nonBlank(name, "toolCall.name");
            arguments = arguments == null ? "" : arguments;
            result = result == null ? "" : result;
        }

        /** Shorthand for {@code new ToolCall(name, arguments, result)}. */
        public static ToolCall of(String name, String arguments, String result) {
            return new ToolCall(name, arguments, result);
        }
    }

    /** Builds a {@link ModelInput}; not thread-safe, reusable. */
    public static final class Builder {
        private String systemPrompt;
        private String userPrompt;
        private String groundTruth;
        private final List<ContextMessage> context = new ArrayList<>();
        private final List<String> documents = new ArrayList<>();
        private final Map<String, String> extras = new LinkedHashMap<>();
        private final List<ToolCall> toolCalls = new ArrayList<>();

        private Builder() {}

        /** Sets the system prompt; {@code null} clears it. */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /** Sets the user prompt; {@code null} clears it. */
        public Builder userPrompt(String userPrompt) {
            this.userPrompt = userPrompt;
            return this;
        }

        /** Sets the reference answer used by {@code ground_truth_adherence}. */
        public Builder groundTruth(String groundTruth) {
            this.groundTruth = groundTruth;
            return this;
        }

        /** Adds one context message. */
        public Builder addContext(String role, String content) {
            context.add(new ContextMessage(role, content));
            return this;
        }

        /** Replaces the context messages. */
        public Builder context(List<ContextMessage> messages) {
            context.clear();
            context.addAll(Checks.copy(messages, "modelInput.context"));
            return this;
        }

        /** Adds documents the output should be grounded in. */
        public Builder addDocuments(String... texts) {
            for (String t : texts) {
                documents.add(Checks.notNull(t, "modelInput.documents[]"));
            }
            return this;
        }

        /** Replaces the documents. */
        public Builder documents(List<String> texts) {
            documents.clear();
            documents.addAll(Checks.copy(texts, "modelInput.documents"));
            return this;
        }

        /** Adds a named extra input. */
        public Builder extra(String name, String value) {
            extras.put(Checks.nonBlank(name, "modelInput.extras key"), Checks.notNull(value, "modelInput.extras['" + name + "']"));
            return this;
        }

        /** Adds one tool call the agent made, after the ones already added. */
        public Builder addToolCall(String name, String arguments, String result) {
            toolCalls.add(new ToolCall(name, arguments, result));
            return this;
        }

        /** Replaces the tool calls. */
        public Builder toolCalls(List<ToolCall> calls) {
            toolCalls.clear();
            toolCalls.addAll(Checks.copy(calls, "modelInput.toolCalls"));
            return this;
        }

        /**
         * Builds the input.
         *
         * @throws IllegalArgumentException if neither prompt is set
         */
        public ModelInput build() {
            return new ModelInput(systemPrompt, userPrompt, groundTruth, context, documents, extras, toolCalls);
        }
    }
}
