package dev.railguard.engine;

import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.call.Untrusted;
import dev.railguard.engine.internal.runmode.JudgePrompts;
import dev.railguard.engine.internal.search.ToolBox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.railguard.api.Evidence;
import dev.railguard.api.status.Internal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A structured question for a judge, for evals beyond the guardrail metrics (accuracy, agent-as-judge, workflow
 * analysis): instructions, labelled untrusted sections that the engine fences with a per-call nonce, and the JSON
 * schema of the answer. Asked through {@link RailguardEvaluator#ask}, it gets the same treatment as metric calls:
 * temperature 0, token cap, tolerant parsing, schema validation, one repair call, usage recorded.
 *
 * <p>Public for Railguard's own modules only ({@link Internal}, used by agent-evals): not part of the API, since it
 * carries Jackson's {@link JsonNode} and LangChain4j's {@link JsonSchema}.
 *
 * @param instructions    what the judge must do, addressed to it; the engine appends the fencing preface
 * @param sections        the untrusted material, in reading order
 * @param schema          the schema of the answer
 * @param templateVersion the version of the instructions (part of the cache key)
 * @param replyCheck      what the reply must satisfy beyond the schema (for example a score between 1 and 10, which
 *                        a JSON schema of LangChain4j cannot say): returns the problem, or empty; a reply with a
 *                        problem gets the one repair call, quoting the problem, like a schema violation
 */
@Internal
public record JudgeQuestion(String instructions, List<Evidence> sections, JsonSchema schema, String templateVersion,
        Function<JsonNode, Optional<String>> replyCheck) {

    /** Validates and copies. */
    public JudgeQuestion {
        Objects.requireNonNull(instructions, "instructions must not be null");
        if (instructions.isBlank()) {
            throw new IllegalArgumentException("instructions must not be blank");
        }
        sections = List.copyOf(Objects.requireNonNull(sections, "sections must not be null"));
        Objects.requireNonNull(schema, "schema must not be null");
        Objects.requireNonNull(templateVersion, "templateVersion must not be null");
        replyCheck = replyCheck == null ? JudgeCall.NO_CHECK : replyCheck;
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
        return new JudgeCall(judge, system, JudgePrompts.fenced(sections, untrusted), schema, templateVersion,
                ToolBox.NONE, replyCheck);
    }

    /** Builds a {@link JudgeQuestion}. */
    @Internal
    public static final class Builder {
        private String instructions;
        private final List<Evidence> sections = new ArrayList<>();
        private JsonSchema schema;
        private String templateVersion = "custom.v1";
        private Function<JsonNode, Optional<String>> replyCheck = JudgeCall.NO_CHECK;

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

        /**
         * What the reply must satisfy beyond the schema: returns the problem (sent back in the repair call), or empty.
         */
        public Builder replyCheck(Function<JsonNode, Optional<String>> check) {
            this.replyCheck = Objects.requireNonNull(check, "replyCheck must not be null");
            return this;
        }

        /** Builds the question. */
        public JudgeQuestion build() {
            return new JudgeQuestion(instructions, sections, schema, templateVersion, replyCheck);
        }
    }
}
