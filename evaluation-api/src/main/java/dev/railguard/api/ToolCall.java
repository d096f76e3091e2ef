package dev.railguard.api;

/**
 * One tool call an agent made while producing its output: the tool's name, the arguments it was called with and
 * what the tool returned. Metrics that judge agents ({@code tool_call_accuracy}, {@code task_completion}) read
 * them from {@link ModelInput#toolCalls()}, in the order they were made.
 *
 * <pre>{@code
 * ToolCall call = ToolCall.of("get_weather", "{\"city\":\"Paris\"}", "18 C, light rain");
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
