package dev.railguard.engine;

import dev.railguard.engine.internal.call.Failures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Retry-After aware HTTP client, through the real OpenAI client. */
class RailguardHttpTest {

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void retry_after_is_read_in_seconds_fractions_milliseconds_and_http_dates() {
        assertThat(RailguardHttp.parseRetryAfter(headers(Map.of("retry-after", "3")))).isEqualTo(Duration.ofSeconds(3));
        assertThat(RailguardHttp.parseRetryAfter(headers(Map.of("retry-after", "0.25")))).isEqualTo(Duration.ofMillis(250));
        assertThat(RailguardHttp.parseRetryAfter(headers(Map.of("retry-after-ms", "120", "retry-after", "9"))))
                .isEqualTo(Duration.ofMillis(120));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(RailguardHttp.parseRetryAfter(headers(Map.of("retry-after", inTenSeconds))))
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(RailguardHttp.parseRetryAfter(headers(Map.of("retry-after", "soon")))).isNull();
        assertThat(RailguardHttp.parseRetryAfter(headers(Map.of()))).isNull();
    }

    @Test
    void a_429_through_open_ai_chat_model_carries_its_retry_after_to_the_engine() {
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.rateLimited(Duration.ofSeconds(7)))) {
            OpenAiChatModel model = ScaleFixtures.model(server.baseUrl());
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> model.chat("hi"));
            assertThat(thrown).isInstanceOf(RateLimitException.class);
            assertThat(RailguardHttp.retryAfter(thrown)).contains(Duration.ofSeconds(7));
            Failures.Failure f = Failures.classify(thrown);
            assertThat(f.retriable()).isTrue();
            assertThat(f.rateLimited()).isTrue();
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        }
    }

    @Test
    void a_success_passes_through_unchanged() {
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content("hello"))) {
            assertThat(ScaleFixtures.model(server.baseUrl()).chat("hi")).isEqualTo("hello");
            assertThat(server.requests().get(0).headers()).containsEntry("authorization", "Bearer test-key");
        }
    }
}
