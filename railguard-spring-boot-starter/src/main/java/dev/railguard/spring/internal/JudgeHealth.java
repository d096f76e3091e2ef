package dev.railguard.spring.internal;

import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgeCallRecord;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the judges answered last, heard as an {@link EvaluationObserver}: the health check reads it and never calls a
 * judge itself. A judge whose last call was refused for its credentials (401, 403) or answered with a web page (a
 * wrong base URL) is down until a later call succeeds; rate limits, timeouts and bad replies are passing trouble,
 * reported but not down.
 */
public final class JudgeHealth implements EvaluationObserver {

    /** The last call of one judge. */
    public record Last(String outcome, String errorType, Instant at, boolean down) {
    }

    private final Map<String, Last> last = new ConcurrentHashMap<>();

    @Override
    public void judgeCallFinished(JudgeCallRecord call) {
        if (call.outcome() == JudgeCallRecord.Outcome.CACHED) {
            return; // no model was asked: says nothing about the judge
        }
        boolean down = call.outcome() == JudgeCallRecord.Outcome.FAILED
                && ("unauthorized".equals(call.errorType()) || "html_page".equals(call.errorType()));
        last.put(call.judge(), new Last(call.outcome().tag(), call.errorType(), call.startedAt().plus(call.duration()), down));
    }

    /** The last call of each judge that was called, by judge name. */
    public Map<String, Last> judges() {
        return new TreeMap<>(last);
    }

    /** What a judge that is down needs, for the health details. */
    public static String why(Last l) {
        return "html_page".equals(l.errorType())
                ? "the judge answered with an HTML page, not a chat completion: check the base URL"
                : "the judge refused the credentials (401/403): check the API key";
    }
}
