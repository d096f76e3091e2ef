package dev.railguard.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application on a random port, its model and its judge two stub OpenAI servers on 127.0.0.1: a good answer
 * passes, a bad one is repaired before the client returns, and the Actuator endpoint and Prometheus show the counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuardedAnswersApplicationTest {

    static final String GOOD_QUESTION = "What is the capital of France?";
    static final String BAD_QUESTION = "How many people live in Paris?";
    static final String RIGHT = "Paris is the capital of France. It has about 2.1 million inhabitants.";
    static final String WRONG = "Paris is the capital of France. It has 80 million inhabitants.";

    /** The application's model: wrong about the population when asked about it, right when asked to repair. */
    static final StubOpenAiServer MODEL = StubOpenAiServer.start(r -> StubReply.content(
            r.allText().contains("failing item") || !r.allText().contains(BAD_QUESTION) ? RIGHT : WRONG, 20, 15));

    /** The judge: a population of 80 million is wrong. */
    static final StubOpenAiServer JUDGE = StubOpenAiServer.start(GuardedAnswersApplicationTest::judge);

    static StubReply judge(RecordedRequest r) {
        String reply = r.allText().contains("80 million")
                ? JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "Well known.")
                        .unit("It has 80 million inhabitants.", "N", "high", "Paris has about 2.1 million inhabitants.").json()
                : JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "Well known.").json();
        return StubReply.content(reply, 100, 20);
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", MODEL::baseUrl);
        registry.add("spring.ai.openai.api-key", () -> "sk-model-key-123456");
        registry.add("spring.ai.openai.chat.options.model", () -> "app-model");
        registry.add("railguard.judge.base-url", JUDGE::baseUrl);
        registry.add("railguard.judge.api-key", () -> "sk-judge-key-123456");
        registry.add("railguard.judge.model", () -> "judge-model");
    }

    @AfterAll
    static void stop() {
        MODEL.close();
        JUDGE.close();
    }

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    String ask(String question) throws IOException, InterruptedException {
        return get("/answer?question=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
    }

    @Test
    void a_good_answer_passes_a_bad_one_is_repaired_and_the_counts_show() throws Exception {
        assertThat(ask(GOOD_QUESTION)).contains(RIGHT);
        int modelCalls = MODEL.requestCount();
        assertThat(ask(BAD_QUESTION)).contains(RIGHT).doesNotContain("80 million");
        assertThat(MODEL.requestCount() - modelCalls).isEqualTo(2); // the answer, then the FIXIT repair
        assertThat(JUDGE.requests()).allSatisfy(r -> assertThat(r.schemaName()).isNotEmpty());

        String report = get("/actuator/railguard");
        assertThat(report).contains("\"answers\"").contains("\"processed\":2").contains("\"belowThreshold\":1")
                .contains("\"improved\":1").contains("\"correctness\":1.0");

        String prometheus = get("/actuator/prometheus");
        assertThat(prometheus).containsPattern("railguard_workflow_events_total\\{[^}]*improved=\"true\"[^}]*workflow=\"answers\"[^}]*} 1.0")
                .containsPattern("railguard_evaluations_total\\{[^}]*metric=\"correctness\"[^}]*verdict=\"fail\"[^}]*} 1.0")
                .containsPattern("railguard_judge_calls_total\\{[^}]*judge=\"[^\"]+\"[^}]*} 3.0");

        assertThat(get("/actuator/health/railguard")).contains("\"status\":\"UP\"").contains("judge-model");
    }
}
