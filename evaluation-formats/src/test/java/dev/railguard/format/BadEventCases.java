package dev.railguard.format;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The one table of bad DeepRails events: each row a mistake in a field every entry takes, and the whole message the
 * codec gives for it. The suite of every entry (batch line, monitor body, workflow body, Spark row, stored event) runs
 * these rows through its own entry point, so the same mistake gets the same message everywhere. Adding a field or a
 * rule adds a row here.
 */
public final class BadEventCases {

    /** A mistake: a name, a function that puts it into a valid event body, and the expected message. */
    public record Case(String name, UnaryOperator<String> mistake, String message) {
        /** The event {@code valid} with the mistake in it. */
        public String apply(String valid) {
            return mistake.apply(valid);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An event every entry takes, as a JSON object without its closing brace, so cases can add fields. */
    public static final String OPEN = "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\","
            + "\"model_used\":\"gpt-4o\"";

    private BadEventCases() {}

    private static Case add(String name, String fields, String message) {
        return new Case(name, open -> open + "," + fields + "}", message);
    }

    private static Case input(String name, String inputFields, String message) {
        return new Case(name, open -> open.replace("{\"user_prompt\":\"q\"}", "{\"user_prompt\":\"q\"," + inputFields
                + "}") + "}", message);
    }

    /** The rows. */
    public static final List<Case> CASES = List.of(
            add("model_output twice", "\"model_output\":\"b\"", "duplicate field 'model_output'; each field may"
                    + " appear once"),
            new Case("model_output number", open -> open.replace("\"model_output\":\"a\"", "\"model_output\":1") + "}",
                    "model_output must be a string, but was: number 1"),
            new Case("model_input missing", open -> "{\"model_output\":\"a\",\"model_used\":\"m\"}",
                    "model_input is required (an object with a system_prompt or a user_prompt), but was missing"),
            new Case("model_output missing", open -> open.replace(",\"model_output\":\"a\"", "") + "}",
                    "model_output is required (the output to evaluate, a string), but was missing"),
            new Case("model_input array", open -> open.replace("{\"user_prompt\":\"q\"}", "[1]") + "}",
                    "model_input must be an object, but was: array [1]"),
            new Case("no prompt", open -> open.replace("\"user_prompt\":\"q\"", "\"ground_truth\":\"g\"") + "}",
                    "model_input must have a system_prompt or a user_prompt that is not blank, but had: [ground_truth]"),
            add("nametag array", "\"nametag\":[\"x\"]", "nametag must be a string, but was: array [\"x\"]"),
            add("run_mode unknown", "\"run_mode\":\"turbo\"", "run_mode must be one of [ultra_fast, super_fast, fast,"
                    + " precision, precision_codex, precision_max, precision_max_codex], but was: 'turbo'"),
            add("run_mode number", "\"run_mode\":2", "run_mode must be a string, but was: number 2"),
            add("duplicate key", "\"nametag\":\"a\",\"nametag\":\"b\"", "duplicate field 'nametag'; each field may"
                    + " appear once"),
            input("unknown model_input field", "\"prompt\":\"p\"", "unknown field 'model_input.prompt'; the fields"
                    + " allowed here are [context, documents, extras, ground_truth, system_prompt, tool_calls, user_prompt]"),
            input("system_prompt boolean", "\"system_prompt\":true",
                    "model_input.system_prompt must be a string, but was: boolean true"),
            input("ground_truth object", "\"ground_truth\":{}",
                    "model_input.ground_truth must be a string, but was: object {}"),
            input("context not an array", "\"context\":\"c\"",
                    "model_input.context must be an array of {role, content}, but was: string \"c\""),
            input("context entry string", "\"context\":[{\"role\":\"user\",\"content\":\"c\"},\"hi\"]",
                    "model_input.context[1] must be an object {role, content}, but was: string \"hi\""),
            input("context role missing", "\"context\":[{\"role\":\"user\",\"content\":\"c\"},{\"content\":\"d\"}]",
                    "model_input.context[1].role must be a non-blank string (user, assistant, system, tool, ...), but"
                    + " was: missing"),
            input("context role blank", "\"context\":[{\"role\":\" \",\"content\":\"c\"}]",
                    "model_input.context[0].role must be a non-blank string (user, assistant, system, tool, ...), but"
                    + " was: string \" \""),
            input("context content number", "\"context\":[{\"role\":\"user\",\"content\":5}]",
                    "model_input.context[0].content must be a string, but was: number 5"),
            input("context unknown field", "\"context\":[{\"role\":\"user\",\"text\":\"c\"}]",
                    "unknown field 'model_input.context[0].text'; the fields allowed here are [content, role]"),
            input("documents entry number", "\"documents\":[1]",
                    "model_input.documents[0] must be a string or {content}, but was: number 1"),
            input("documents not an array", "\"documents\":\"d\"",
                    "model_input.documents must be an array of strings or {content}, but was: string \"d\""),
            input("document unknown field", "\"documents\":[{\"content\":\"d\",\"url\":\"u\"}]",
                    "unknown field 'model_input.documents[0].url'; the fields allowed here are [content, name]"),
            input("tool_calls not an array", "\"tool_calls\":{\"name\":\"t\"}",
                    "model_input.tool_calls must be an array of {name, arguments, result}, but was: object"
                    + " {\"name\":\"t\"}"),
            input("tool call without a name", "\"tool_calls\":[{\"arguments\":{\"city\":\"Paris\"}}]",
                    "model_input.tool_calls[0].name must be a non-blank string (the tool's name), but was: missing"),
            input("tool call blank name", "\"tool_calls\":[{\"name\":\"get\"},{\"name\":\" \"}]",
                    "model_input.tool_calls[1].name must be a non-blank string (the tool's name), but was: string"
                    + " \" \""),
            input("tool call entry string", "\"tool_calls\":[\"get_weather\"]",
                    "model_input.tool_calls[0] must be an object {name, arguments, result}, but was: string"
                    + " \"get_weather\""),
            input("tool call unknown field", "\"tool_calls\":[{\"name\":\"t\",\"output\":\"o\"}]",
                    "unknown field 'model_input.tool_calls[0].output'; the fields allowed here are [arguments, name,"
                    + " result]"),
            input("extras not an object", "\"extras\":[1]",
                    "model_input.extras must be an object of strings, but was: array [1]"),
            input("extra number", "\"extras\":{\"locale\":1}",
                    "model_input.extras.locale must be a string, but was: number 1"),
            input("lone surrogate", "\"ground_truth\":\"g\\udc00\"", "model_input.ground_truth holds a lone surrogate"
                    + " (\\udc00) at index 1; text must be valid Unicode (surrogates only in pairs)"),
            new Case("escaped NUL", open -> open.replace("\"model_output\":\"a\"", "\"model_output\":\"a\\u0000\"")
                    + "}", "model_output holds a NUL character at index 1; text may not contain \\u0000"),
            new Case("not JSON", open -> open, "not valid JSON: Unexpected end-of-input: expected close marker for"
                    + " Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`"
                    + " disabled); line: 1, column: 1])"));

    /** The rows as JUnit arguments, for {@code @MethodSource}. */
    public static Stream<Arguments> arguments() {
        return CASES.stream().map(Arguments::of);
    }
}
