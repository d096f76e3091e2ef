package dev.railguard.spring.internal;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.lang.reflect.Method;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.OptionalInt;

/**
 * Turns what a Spring AI model throws into the LangChain4j exceptions the engine classifies, so a Spring AI judge is
 * retried, rate-limited and reported exactly as a LangChain4j judge: 401 and 403 are an
 * {@link AuthenticationException}, 429 a {@link RateLimitException}, 5xx an {@link InternalServerException}, and so on.
 *
 * <p>Spring AI's model modules throw their clients' exceptions (Spring's {@code RestClientResponseException}, the
 * OpenAI SDK's {@code OpenAIServiceException}, Spring AI's {@code TransientAiException} ...), none of which this
 * module may require. The status code is therefore read by shape: a public {@code statusCode()} returning an
 * {@code int}, or a {@code getStatusCode()} / {@code getRawStatusCode()} whose value is an {@code int} or has a
 * {@code value()}. The original exception stays the cause, so its message (an HTML page, say) is still seen.
 */
public final class SpringAiFailures {

    private SpringAiFailures() {}

    /** The LangChain4j exception for {@code error}, with {@code error} as its cause. */
    public static RuntimeException translate(RuntimeException error) {
        String message = "the Spring AI model failed: " + describe(error);
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            OptionalInt status = statusCode(c);
            if (status.isPresent()) {
                return byStatus(status.getAsInt(), message, error);
            }
            if (c instanceof SocketTimeoutException || c instanceof HttpTimeoutException) {
                return new TimeoutException(message, error);
            }
            String kind = c.getClass().getSimpleName();
            if (kind.equals("TransientAiException")) {
                return new RetriableException(message, error);
            }
            if (kind.equals("NonTransientAiException")) {
                return new NonRetriableException(message, error);
            }
        }
        return error;
    }

    static RuntimeException byStatus(int status, String message, Throwable cause) {
        if (status == 401 || status == 403) {
            return new AuthenticationException(message, cause);
        }
        if (status == 429) {
            return new RateLimitException(message, cause);
        }
        if (status == 408) {
            return new TimeoutException(message, cause);
        }
        if (status == 404) {
            return new ModelNotFoundException(message, cause);
        }
        if (status >= 500) {
            return new InternalServerException(message, cause);
        }
        if (status >= 400) {
            return new InvalidRequestException(message, cause);
        }
        return new HttpException(status, message);
    }

    /** The HTTP status an exception carries, read by shape; empty when it carries none. */
    static OptionalInt statusCode(Throwable t) {
        for (String name : new String[] {"statusCode", "getStatusCode", "getRawStatusCode"}) {
            Object value = call(t, name);
            if (value instanceof Integer i && i >= 100 && i <= 599) {
                return OptionalInt.of(i);
            }
            if (value != null && !(value instanceof Integer)) {
                Object v = call(value, "value");
                if (v instanceof Integer i && i >= 100 && i <= 599) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static Object call(Object target, String name) {
        try {
            Method m = target.getClass().getMethod(name);
            if (!m.canAccess(target) && !m.trySetAccessible()) {
                return null; // a public method of a class that is not: read it where the platform allows
            }
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
