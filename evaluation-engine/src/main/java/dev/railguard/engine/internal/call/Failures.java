package dev.railguard.engine.internal.call;

import dev.railguard.engine.EvaluationFailures;

import dev.railguard.engine.RailguardHttp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Which judge-call failures are worth retrying. Retriable: 429, 408, 5xx, timeouts (the engine's and the model's),
 * connection errors. Not retriable: 400, 401, 403, 404, unknown hosts, content filtering, and anything unrecognised
 * (a retry would not change it, and a bounded failure with its cause beats a loop).
 */
public final class Failures {

    private Failures() {}

    /** A failed call attempt, classified. */
    public record Failure(boolean retriable, boolean rateLimited, boolean timeout, Duration retryAfter, Throwable cause) {
        public String describe() {
            return EvaluationFailures.describe(cause);
        }
    }

    /** Thrown when a call exceeds the engine's call timeout; the running call is interrupted and abandoned. */
    public static final class CallTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CallTimeoutException(Duration timeout) {
            super("the judge call did not answer within the call timeout of " + timeout.toMillis() + " ms");
        }
    }

    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static Failure classify(Throwable error) {
        Throwable t = unwrap(error);
        Duration retryAfter = RailguardHttp.retryAfter(t).orElse(null);
        if (htmlPage(t) != null) {
            // a web page instead of the API: a retry gets the same page
            return new Failure(false, false, false, null, t);
        }
        if (t instanceof CallTimeoutException) {
            return new Failure(true, false, true, null, t);
        }
        if (t instanceof NonRetriableException) {
            return new Failure(false, false, false, null, t);
        }
        if (t instanceof RateLimitException) {
            return new Failure(true, true, false, retryAfter, t);
        }
        if (t instanceof TimeoutException) {
            return new Failure(true, false, true, null, t);
        }
        if (t instanceof RetriableException) {
            return new Failure(true, false, false, retryAfter, t);
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpException http) {
                int s = http.statusCode();
                boolean rate = s == 429;
                return new Failure(rate || s == 408 || s >= 500, rate, s == 408, retryAfter, t);
            }
            if (c instanceof HttpTimeoutException) {
                return new Failure(true, false, true, null, t);
            }
            if (c instanceof JsonProcessingException) {
                return new Failure(false, false, false, null, t);
            }
            if (c instanceof IOException) {
                return new Failure(true, false, false, null, t);
            }
        }
        return new Failure(false, false, false, null, t);
    }

    /**
     * Whether a failure is the judge refusing the credentials: LangChain4j's {@link AuthenticationException}, or an
     * HTTP 401 or 403 anywhere in the cause chain. A retry would get the same answer; the key or the URL is wrong.
     */
    public static boolean unauthorized(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AuthenticationException) {
                return true;
            }
            if (c instanceof HttpException http && (http.statusCode() == 401 || http.statusCode() == 403)) {
                return true;
            }
        }
        return false;
    }

    /** What the engine says when a judge endpoint answers with a web page. */
    public static final String HTML_ANSWER = "the endpoint answered with HTML, not a chat completion: check the base URL";

    /**
     * The start of the HTML page a failure carries (empty when the parser saw a page it did not quote), or null when
     * the failure is not an HTML answer: a base URL that points at a web site, a login portal or a proxy's error page.
     */
    public static String htmlPage(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m == null) {
                continue;
            }
            String lower = m.toLowerCase(java.util.Locale.ROOT);
            int at = lower.indexOf("<!doctype html");
            at = at >= 0 ? at : lower.indexOf("<html");
            if (at >= 0) {
                return m.substring(at).strip();
            }
            if (c instanceof JsonProcessingException && m.startsWith("Unexpected character ('<' (code 60))")) {
                return "";
            }
        }
        return null;
    }
}
