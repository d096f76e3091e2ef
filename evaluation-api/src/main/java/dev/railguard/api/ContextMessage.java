package dev.railguard.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One message of the conversation or agent state that surrounds an output, for example a tutor's earlier turn
 * or a fact passed along an agent workflow. Judges see these when the request has
 * {@link Capability#CONTEXT_AWARENESS}, and {@code context_adherence} treats them as context.
 *
 * @param role    who said it, free text ({@code "user"}, {@code "assistant"}, {@code "tutor"}, ...); never blank
 * @param content what was said; never {@code null}
 */
public record ContextMessage(String role, String content) {
    /** Validates both fields. */
    public ContextMessage {
        Checks.nonBlank(role, "context.role");
        Checks.notNull(content, "context.content");
    }

    /** {@code messages} as {@code role: content} lines, the one way judges read a conversation. */
    public static String transcript(List<ContextMessage> messages) {
        return messages.stream().map(m -> m.role() + ": " + m.content()).collect(Collectors.joining("\n"));
    }

    /** Shorthand for {@code new ContextMessage(role, content)}. */
    public static ContextMessage of(String role, String content) {
        return new ContextMessage(role, content);
    }
}
