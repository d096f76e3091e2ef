package dev.railguard.engine.internal.judge;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.railguard.api.Usage;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgeCallRecord;
import dev.railguard.engine.internal.call.Failures;
import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.call.JudgeOutcome;
import dev.railguard.engine.internal.call.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened during one judge call, for its {@link JudgeCallRecord}: model requests, retries, 429s, the repair,
 * the last finish reason, model and reply, and why it failed. Filled by the call's own {@link JudgeClient} copy from
 * whichever thread runs the step; reported once when the call's outcome is known.
 */
final class CallTrace {

    private static final Logger LOG = LoggerFactory.getLogger(CallTrace.class);

    private int requests;
    private int retries;
    private int rateLimited;
    private boolean repaired;
    private String finishReason;
    private String responseModel;
    private String reply;
    private String errorType;

    synchronized void request() {
        requests++;
    }

    synchronized void retry(boolean rateLimit) {
        retries++;
        if (rateLimit) {
            rateLimited++;
        }
    }

    synchronized void response(ChatResponse response) {
        if (response.finishReason() != null) {
            finishReason = response.finishReason().name().toLowerCase(Locale.ROOT);
        }
        if (response.modelName() != null) {
            responseModel = response.modelName();
        }
        if (response.aiMessage() != null) {
            reply = response.aiMessage().text();
        }
    }

    synchronized void repaired() {
        repaired = true;
    }

    /** The first cause wins: a failed attempt's classification is more telling than what follows. */
    synchronized void error(String type) {
        if (errorType == null) {
            errorType = type;
        }
    }

    /** The low-cardinality {@code error.type} of a failure. */
    static String errorType(Failures.Failure f) {
        if (f.rateLimited()) {
            return "rate_limited";
        }
        if (f.timeout()) {
            return "timeout";
        }
        if (Failures.htmlPage(f.cause()) != null) {
            return "html_page";
        }
        if (Failures.unauthorized(f.cause())) {
            return "unauthorized";
        }
        return f.cause() == null ? "_OTHER" : f.cause().getClass().getSimpleName();
    }

    /** Tells the evaluation's observation and the evaluator's observer; never throws. */
    void report(EvaluationObserver observer, Ticket ticket, JudgeCall call, JudgeOutcome outcome, boolean cached,
            Instant startedAt, long nanos) {
        try {
            JudgeCallRecord record;
            synchronized (this) {
                JudgeCallRecord.Outcome kind = cached ? JudgeCallRecord.Outcome.CACHED
                        : outcome.failure() != null ? JudgeCallRecord.Outcome.FAILED
                        : retries > 0 ? JudgeCallRecord.Outcome.RETRIED : JudgeCallRecord.Outcome.OK;
                Usage usage = outcome.usage() == null ? Usage.NONE : outcome.usage();
                String error = kind != JudgeCallRecord.Outcome.FAILED ? null
                        : errorType != null ? errorType : "_OTHER";
                record = new JudgeCallRecord(ticket.eventId(), call.judge().name(), provider(call.judge().model()),
                        call.judge().modelName(), cached ? null : responseModel, call.templateVersion(), startedAt,
                        cached ? Duration.ZERO : Duration.ofNanos(nanos), usage.inputTokens(), usage.outputTokens(),
                        usage.cost(), kind, cached ? 0 : requests, retries, rateLimited, repaired,
                        cached ? null : finishReason, error, new JudgeCallRecord.Content(call.systemPrompt(),
                                call.userPrompt(), cached ? null : reply));
            }
            ticket.observation().judgeCallFinished(record);
            observer.judgeCallFinished(record);
        } catch (RuntimeException e) {
            LOG.debug("could not report a judge call of judge '{}' to the observers: {}", call.judge().name(),
                    e.toString());
        }
    }

    /** The provider's {@code gen_ai.provider.name} where the conventions name one, else its lower-case name. */
    private static String provider(ChatModel model) {
        try {
            ModelProvider p = model.provider();
            return p == null ? "other" : switch (p) {
                case OPEN_AI -> "openai";
                case AZURE_OPEN_AI -> "azure.ai.openai";
                case ANTHROPIC -> "anthropic";
                case GOOGLE_AI_GEMINI -> "gcp.gemini";
                case GOOGLE_VERTEX_AI_GEMINI, GOOGLE_VERTEX_AI_ANTHROPIC -> "gcp.vertex_ai";
                case AMAZON_BEDROCK -> "aws.bedrock";
                case MISTRAL_AI -> "mistral_ai";
                default -> p.name().toLowerCase(Locale.ROOT);
            };
        } catch (RuntimeException e) {
            return "other";
        }
    }
}
