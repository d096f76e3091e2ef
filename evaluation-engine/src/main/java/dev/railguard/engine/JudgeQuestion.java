package dev.railguard.engine;

import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.railguard.api.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A structured question for a judge, for evals beyond the guardrail metrics (accuracy, agent-as-judge, workflow
 * analysis): instructions, labelled untrusted sections that the engine fences with a per-call nonce, and the JSON
 * schema of the answer. Asked through {@link RailguardEvaluator#ask}, it gets the same treatment as metric calls:
 * temperature 0, token cap, tolerant parsing, schema validation, one repair call, usage recorded.
 *
 * @param instructions    what the judge must do, addressed to it; the engine appends the fencing preface
 * @param sections        the untrusted material, in reading order
 * @param schema          the schema of the answer
 * @param templateVersion the version of the instructions (part of the cache key)
 */
public record JudgeQuestion(String instructions, List<Evidence> sections, JsonSchema schema, String templateVersion) {

    /** Validates and copies. */
    public JudgeQuestion {
        Objects.requireNonNull(instructions, "instructions must not be null");
        if (instructions.isBlank()) {
            throw new IllegalArgumentException("instructions must not be blank");
        }
        sections = List.copyOf(Objects.requireNonNull(sections, "sections must not be null"));
        Objects.requireNonNull(schema, "schema must not be null");
        Objects.requireNonNull(templateVersion, "templateVersion must not be null");
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Renders the question as a call to {@code judge}. */
    JudgeCall toCall(Judge judge) {
        Untrusted untrusted = Untrusted.forTexts(sections.stream().map(Evidence::text).toList());
        String system = instructions + "\n\n" + untrusted.preface()
                + "\n\nReply with only one JSON object that matches the required schema and nothing else.";
        return new JudgeCall(judge, system, JudgePrompts.fenced(sections, untrusted), schema, templateVersion);
    }

    /** Builds a {@link JudgeQuestion}. */
    public static final class Builder {
        private String instructions;
        private final List<Evidence> sections = new ArrayList<>();
        private JsonSchema schema;
        private String templateVersion = "custom.v1";

        private Builder() {}

        /** What the judge must do. */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /** Adds an untrusted section. */
        public Builder section(String label, String text) {
            sections.add(new Evidence(label, text));
            return this;
        }

        /** The schema of the answer. */
        public Builder schema(JsonSchema schema) {
            this.schema = schema;
            return this;
        }

        /** The version of the instructions. */
        public Builder templateVersion(String version) {
            this.templateVersion = version;
            return this;
        }

        /** Builds the question. */
        public JudgeQuestion build() {
            return new JudgeQuestion(instructions, sections, schema, templateVersion);
        }
    }
}
