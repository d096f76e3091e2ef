package dev.railguard.engine;

import dev.railguard.api.status.Internal;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP for judge models that lets the engine see {@code Retry-After}. LangChain4j's {@code HttpException} carries the
 * status and body of an error reply but not its headers, so a rate limit's {@code Retry-After} is lost on the way to
 * the caller. Build OpenAI-compatible judges with this client and the engine waits as long as the provider asks:
 *
 * <pre>{@code
 * OpenAiChatModel judge = OpenAiChatModel.builder()
 *     .httpClientBuilder(RailguardHttp.retryAfterAware())
 *     .baseUrl(url).apiKey(key).modelName("gpt-4o-mini")
 *     .maxRetries(0)                 // the engine retries, honouring Retry-After
 *     .build();
 * }</pre>
 *
 * <p>The client sends plain (non-streaming) requests with the JDK {@link java.net.http.HttpClient} over HTTP/1.1;
 * an error reply throws an {@link HttpException} subclass that also carries the delay of its {@code retry-after-ms}
 * or {@code Retry-After} header (seconds, fractional seconds or an HTTP date). Streaming and multipart requests are
 * passed to LangChain4j's default HTTP client. Without this client the engine falls back to exponential backoff.
 */
public final class RailguardHttp {

    private RailguardHttp() {}

    /** A builder of clients that expose {@code Retry-After}, on a fresh JDK client using HTTP/1.1. */
    public static HttpClientBuilder retryAfterAware() {
        return retryAfterAware(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
    }

    /** A builder of clients that expose {@code Retry-After}, on a JDK client made from {@code jdkBuilder}. */
    public static HttpClientBuilder retryAfterAware(java.net.http.HttpClient.Builder jdkBuilder) {
        return new Builder(Objects.requireNonNull(jdkBuilder, "jdkBuilder must not be null"));
    }

    /**
     * The delay an error reply asked for, if the exception (or one of its causes) came through a client of
     * {@link #retryAfterAware()} and the reply had a readable header.
     */
    public static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetryAfterHttpException r) {
                return Optional.ofNullable(r.retryAfter);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Parses {@code retry-after-ms} (milliseconds) first, then {@code Retry-After} (seconds or an HTTP date); null when
     * neither is readable. {@code @Internal}: the batch transport reads its replies' headers with it too.
     */
    @Internal
    public static Duration parseRetryAfter(HttpHeaders headers) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(ms.get().trim()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        Optional<String> value = headers.firstValue("retry-after");
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get().trim();
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v,
                        DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** An error reply with the delay its headers asked for ({@code null} when they asked for none). */
    static final class RetryAfterHttpException extends HttpException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        RetryAfterHttpException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }
    }

    private static final class Builder implements HttpClientBuilder {
        private final java.net.http.HttpClient.Builder jdkBuilder;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(java.net.http.HttpClient.Builder jdkBuilder) {
            this.jdkBuilder = jdkBuilder;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            if (connectTimeout != null) {
                jdkBuilder.connectTimeout(connectTimeout);
            }
            return new Client(jdkBuilder.build(), connectTimeout, readTimeout);
        }
    }

    private static final class Client implements HttpClient {
        private final java.net.http.HttpClient jdk;
        private final Duration connectTimeout;
        private final Duration readTimeout;
        private volatile HttpClient fallback;

        Client(java.net.http.HttpClient jdk, Duration connectTimeout, Duration readTimeout) {
            this.jdk = jdk;
            this.connectTimeout = connectTimeout;
            this.readTimeout = readTimeout;
        }

        private HttpClient fallback() {
            HttpClient f = fallback;
            if (f == null) {
                synchronized (this) {
                    if (fallback == null) {
                        fallback = HttpClientBuilderLoader.loadHttpClientBuilder()
                                .connectTimeout(connectTimeout).readTimeout(readTimeout).build();
                    }
                    f = fallback;
                }
            }
            return f;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
                return fallback().execute(request);
            }
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()));
            request.headers().forEach((name, values) -> {
                if (values != null) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            b.method(request.method().name(), request.body() == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
            if (readTimeout != null) {
                b.timeout(readTimeout);
            }
            HttpResponse<byte[]> response;
            try {
                response = jdk.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                throw new TimeoutException(e);
            } catch (IOException e) {
                throw new RuntimeException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException(e);
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                throw new RetryAfterHttpException(response.statusCode(), body, parseRetryAfter(response.headers()));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(body)
                    .build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            fallback().execute(request, parser, listener);
        }
    }
}
