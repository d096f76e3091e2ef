package dev.railguard.engine.internal.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.Usage;
import java.util.List;

/**
 * What came of a {@link JudgeCall}: a reply that matches the schema, or the reason there is none. Usage is recorded
 * either way (a failed call still cost tokens).
 *
 * @param judge       the judge's name
 * @param reply       the validated reply, or {@code null} on failure
 * @param failure     why there is no reply, or {@code null} on success
 * @param usage       tokens, calls and time, summed over the call and its repair
 * @param diagnostics what happened on the way (a repair call, the raw replies of a failure)
 */
public record JudgeOutcome(String judge, JsonNode reply, String failure, Usage usage, List<Diagnostic> diagnostics) {

    public JudgeOutcome {
        diagnostics = List.copyOf(diagnostics);
    }

    public static JudgeOutcome success(String judge, JsonNode reply, Usage usage, List<Diagnostic> diagnostics) {
        return new JudgeOutcome(judge, reply, null, usage, diagnostics);
    }

    public static JudgeOutcome failure(String judge, String failure, Usage usage, List<Diagnostic> diagnostics) {
        return new JudgeOutcome(judge, null, failure, usage, diagnostics);
    }

    public boolean ok() {
        return reply != null;
    }
}
