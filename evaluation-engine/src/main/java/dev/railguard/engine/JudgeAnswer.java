package dev.railguard.engine;

import dev.railguard.engine.internal.call.JudgeOutcome;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.Usage;
import dev.railguard.api.status.Internal;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link JudgeQuestion}: a reply that matches the schema, or the reason there is none. Never both.
 *
 * <p>Public for Railguard's own modules only ({@link Internal}, used by agent-evals): not part of the API, since it
 * carries Jackson's {@link JsonNode}.
 *
 * @param judge       the judge's name
 * @param reply       the validated reply, or {@code null} when the judge failed
 * @param failure     why there is no reply, or {@code null}
 * @param usage       what the question cost, repair call included
 * @param diagnostics what happened on the way (repairs, raw replies of a failure)
 */
@Internal
public record JudgeAnswer(String judge, JsonNode reply, String failure, Usage usage, List<Diagnostic> diagnostics) {

    /** Copies. */
    public JudgeAnswer {
        diagnostics = List.copyOf(diagnostics);
    }

    static JudgeAnswer of(JudgeOutcome o) {
        return new JudgeAnswer(o.judge(), o.reply(), o.failure(), o.usage(), o.diagnostics());
    }

    /** Whether the judge gave a usable reply. */
    public boolean ok() {
        return reply != null;
    }

    /** The reply, if there is one. */
    public Optional<JsonNode> replyIfPresent() {
        return Optional.ofNullable(reply);
    }
}
