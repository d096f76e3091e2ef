package dev.railguard.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One judge call as an observer sees it: the call, its retries and its repair call together, or its answer from the
 * cache. {@link #content()} holds the prompts and the reply: untrusted and possibly sensitive text that an observer
 * should not record unless its user asked for it (the OpenTelemetry observer records it only with
 * {@code captureContent(true)}).
 *
 * @param eventId       the evaluation the call was made for, or {@code null} outside an evaluation
 * @param judge         the judge's name (as in the panel)
 * @param provider      the model's provider in lower case ({@code openai}, {@code anthropic}, {@code other}, ...)
 * @param requestModel  the judge's model name
 * @param responseModel the model the last reply named, or {@code null}
 * @param template      the prompt template version of the call (for example {@code units.v3})
 * @param startedAt     when the call started
 * @param duration      wall time from start to end, retries and repair included; zero for a cache hit
 * @param inputTokens   prompt tokens over all model requests of the call
 * @param outputTokens  completion tokens over all model requests of the call
 * @param cost          the tokens' cost from the evaluator's price table, {@code 0} without one
 * @param outcome       OK, RETRIED, FAILED or CACHED
 * @param modelRequests model requests the call made (retries, repair and tool round trips included)
 * @param retries       retries of retriable failures (429, 5xx, timeouts)
 * @param rateLimited   of those, failures answered 429
 * @param repaired      whether the first reply was unusable and a repair call was made
 * @param finishReason  the last reply's finish reason in lower case ({@code stop}, {@code length}, ...), or
 *                      {@code null}
 * @param errorType     on FAILED, a short low-cardinality cause ({@code rate_limited}, {@code timeout},
 *                      {@code invalid_reply}, {@code canceled}, {@code unauthorized} (401, 403), {@code html_page} (a
 *                      web page instead of the API: a wrong base URL), or the exception's simple class name); else
 *                      {@code null}
 * @param content       the prompts and the last reply (no reply for a cache hit), or {@code null}
 */
public record JudgeCallRecord(
        String eventId,
        String judge,
        String provider,
        String requestModel,
        String responseModel,
        String template,
        Instant startedAt,
        Duration duration,
        long inputTokens,
        long outputTokens,
        double cost,
        Outcome outcome,
        int modelRequests,
        int retries,
        int rateLimited,
        boolean repaired,
        String finishReason,
        String errorType,
        Content content) {

    /** Checks the required fields. */
    public JudgeCallRecord {
        Objects.requireNonNull(judge, "judge must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        Objects.requireNonNull(duration, "duration must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        provider = provider == null ? "other" : provider;
        requestModel = requestModel == null ? judge : requestModel;
        template = template == null ? "" : template;
    }

    /** How a judge call ended. */
    public enum Outcome {
        /** Answered at the first attempt (a repair call may have been needed). */
        OK,
        /** Answered after at least one retry. */
        RETRIED,
        /** No usable answer: failed for good, unusable after the repair call, or canceled. */
        FAILED,
        /** Answered from the cache; no model was asked. */
        CACHED;

        /** The lower-case name used as a tag value. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The texts of a call: what the judge was asked and what it replied last. Untrusted and possibly sensitive.
     *
     * @param systemPrompt the system prompt
     * @param userPrompt   the user prompt
     * @param reply        the last reply's text, or {@code null}
     */
    public record Content(String systemPrompt, String userPrompt, String reply) {
    }
}
