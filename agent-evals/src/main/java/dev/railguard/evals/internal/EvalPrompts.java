package dev.railguard.evals.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.railguard.engine.JudgeQuestion;
import dev.railguard.engine.PromptResources;
import dev.railguard.format.AgnoField;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one judge-prompt builder of the agent evals. The criteria, the rubric and the guidelines are always in the
 * instructions the judge receives, whichever judge it is (a custom judge gets them too); the input, the output, the
 * expected output(s) and the additional context are always untrusted sections, fenced by the engine with a per-call
 * nonce.
 */
public final class EvalPrompts {

    public static final String ACCURACY_VERSION = "eval_accuracy.v1";
    public static final String JUDGE_VERSION = "eval_agent_as_judge.v1";

    public static final JsonSchema ACCURACY_SCHEMA = JsonSchema.builder().name("railguard_eval_accuracy")
            .rootElement(JsonObjectSchema.builder()
                    .addIntegerProperty("accuracy_score", "whole number from 1 to 10")
                    .addStringProperty("accuracy_reason", "detailed reasoning for the score")
                    .required("accuracy_score", "accuracy_reason")
                    .additionalProperties(false)
                    .build())
            .build();

    public static final JsonSchema NUMERIC_SCHEMA = JsonSchema.builder().name("railguard_eval_judge_numeric")
            .rootElement(JsonObjectSchema.builder()
                    .addIntegerProperty("score", "whole number from 1 to 10")
                    .addStringProperty("reason", "detailed reasoning")
                    .required("score", "reason")
                    .additionalProperties(false)
                    .build())
            .build();

    public static final JsonSchema BINARY_SCHEMA = JsonSchema.builder().name("railguard_eval_judge_binary")
            .rootElement(JsonObjectSchema.builder()
                    .addBooleanProperty("passed", "true if the output passes the criteria")
                    .addStringProperty("reason", "detailed reasoning")
                    .required("passed", "reason")
                    .additionalProperties(false)
                    .build())
            .build();

    private EvalPrompts() {}

    public static JudgeQuestion accuracy(String input, List<String> expected, String output, List<String> guidelines,
            String additionalContext) {
        JudgeQuestion.Builder q = JudgeQuestion.builder().schema(ACCURACY_SCHEMA).templateVersion(ACCURACY_VERSION);
        q.section("agent_input", input);
        String expectedSections;
        if (expected.size() == 1) {
            q.section(AgnoField.EXPECTED_OUTPUT.key(), expected.get(0));
            expectedSections = "expected_output (the correct answer)";
        } else {
            for (int i = 0; i < expected.size(); i++) {
                q.section("expected_output_" + (i + 1), expected.get(i));
            }
            expectedSections = "expected_output_1 to expected_output_" + expected.size()
                    + " (several accepted correct answers)";
        }
        q.section("agent_output", output);
        boolean context = additionalContext != null && !additionalContext.isBlank();
        if (context) {
            q.section("additional_context", additionalContext);
        }
        String template = PromptResources.load(EvalPrompts.class, "accuracy.v1.txt");
        q.instructions(PromptResources.render(template, Map.of(
                "expected_sections", expectedSections,
                "context_section", context ? ", additional_context (background to take into account)" : "",
                "any_of", expected.size() > 1 ? " The expected outputs are alternatives: the agent output is correct"
                        + " if it matches any one of them, so score it against the one it matches best." : "",
                "guidelines", guidelines(guidelines))));
        return q.replyCheck(reply -> scoreInRange(reply, "accuracy_score")).build();
    }

    /**
     * The agent-as-judge prompt version of a scoring strategy, {@code eval_agent_as_judge.v1/binary} or
     * {@code .../numeric} (the strategies' wire names).
     */
    public static String judgeVersion(boolean numeric) {
        return JUDGE_VERSION + "/" + (numeric ? "numeric" : "binary");
    }

    /** The agent-as-judge question: 1..10 against a threshold when {@code numeric}, else PASS/FAIL. */
    public static JudgeQuestion agentAsJudge(String criteria, boolean numeric, List<String> guidelines,
            String input, String output, String expectedOutput, String additionalContext) {
        JudgeQuestion.Builder q = JudgeQuestion.builder()
                .schema(numeric ? NUMERIC_SCHEMA : BINARY_SCHEMA)
                .templateVersion(judgeVersion(numeric));
        q.section("input", input);
        boolean expected = expectedOutput != null;
        if (expected) {
            q.section(AgnoField.EXPECTED_OUTPUT.key(), expectedOutput);
        }
        q.section("output", output);
        boolean context = additionalContext != null && !additionalContext.isBlank();
        if (context) {
            q.section("additional_context", additionalContext);
        }
        String scoring = PromptResources.load(EvalPrompts.class,
                numeric ? "agent_as_judge_numeric.v1.txt" : "agent_as_judge_binary.v1.txt");
        q.instructions(PromptResources.render(PromptResources.load(EvalPrompts.class, "agent_as_judge.v1.txt"), Map.of(
                "criteria", criteria,
                "scoring", scoring,
                "guidelines", guidelines(guidelines),
                // the template's one list of optional sections names the additional context too
                "expected_section", (expected ? ", expected_output (a reference answer)" : "")
                        + (context ? ", additional_context (background to take into account)" : ""))));
        if (numeric) {
            q.replyCheck(reply -> scoreInRange(reply, "score"));
        }
        return q.build();
    }

    /**
     * The problem with a 1..10 score field, for the engine's repair call (a LangChain4j JSON schema cannot bound an
     * integer); empty when the score is in range.
     */
    public static Optional<String> scoreInRange(JsonNode reply, String field) {
        int score = reply.path(field).asInt();
        return score >= 1 && score <= 10 ? Optional.empty()
                : Optional.of(field + " must be a whole number from 1 to 10, but was " + reply.path(field));
    }

    /** The guidelines as a bulleted section (every item bulleted), or nothing. */
    public static String guidelines(List<String> guidelines) {
        if (guidelines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n\n## Additional Guidelines");
        for (String g : guidelines) {
            sb.append("\n- ").append(g);
        }
        return sb.toString();
    }
}
