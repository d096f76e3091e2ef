package dev.railguard.format;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The sibling of {@link BadEventCases} for Agno's eval-run shapes: each row a mistake in a field that both the
 * eval-run request body and the eval-run record take, and the whole message the one reader gives for it. The suite
 * of every entry (the record, {@link AgnoEvalRun#read}; the body, {@link AgnoEvalRunBody#read}; agent-evals'
 * {@code EvalRunRequest.fromJson}; {@code railguard eval-run}) runs these rows through its own entry point, on its
 * own valid document ({@link #BODY}, {@link #RECORD}), so the same mistake gets the same message everywhere.
 */
public final class BadEvalRunCases {

    /** A valid eval-run request body, without its closing brace, so cases can add fields. */
    public static final String BODY = "{\"eval_type\":\"performance\",\"input\":\"q\"";

    /** A valid eval-run record, without its closing brace. */
    public static final String RECORD = "{\"id\":\"r1\",\"eval_type\":\"performance\",\"eval_data\":{}";

    private BadEvalRunCases() {}

    private static BadEventCases.Case add(String name, String fields, String message) {
        return new BadEventCases.Case(name, open -> open + "," + fields + "}", message);
    }

    /** The rows. */
    public static final List<BadEventCases.Case> CASES = List.of(
            add("name number", "\"name\":5", "name must be a string, but was: number 5"),
            add("name twice", "\"name\":\"a\",\"name\":\"b\"", "duplicate field 'name'; each field may appear once"),
            add("model_id array", "\"model_id\":[\"m\"]", "model_id must be a string, but was: array [\"m\"]"),
            add("model_provider boolean", "\"model_provider\":true",
                    "model_provider must be a string, but was: boolean true"),
            add("agent_id lone surrogate", "\"agent_id\":\"a\\udc00\"", "agent_id holds a lone surrogate (\\udc00) at"
                    + " index 1; text must be valid Unicode (surrogates only in pairs)"),
            add("team_id NUL", "\"team_id\":\"t\\u0000\"", "team_id holds a NUL character at index 1; text may not"
                    + " contain \\u0000"),
            new BadEventCases.Case("eval_type capitalised", open -> open.replace("\"performance\"", "\"Performance\"")
                    + "}", "eval_type must be one of accuracy, agent_as_judge, performance, reliability, but was:"
                    + " Performance"),
            new BadEventCases.Case("eval_type number", open -> open.replace("\"performance\"", "4") + "}",
                    "eval_type must be a string, but was: number 4"),
            add("eval_type twice", "\"eval_type\":\"accuracy\"", "duplicate field 'eval_type'; each field may appear"
                    + " once"),
            new BadEventCases.Case("not JSON", open -> open, "not valid JSON: Unexpected end-of-input: expected close"
                    + " marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`"
                    + " disabled); line: 1, column: 1])"));

    /** The rows as JUnit arguments, for {@code @MethodSource}. */
    public static Stream<Arguments> arguments() {
        return CASES.stream().map(Arguments::of);
    }
}
