package dev.railguard.batch;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.Redaction;
import dev.railguard.engine.TestMetrics;
import dev.railguard.report.HtmlReport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A gateway that echoes the {@code Authorization} header in its 401 body: the key reaches no rationale, diagnostic,
 * results file, summary or report.
 */
class SecretRedactionTest {

    private static final String BEARER_KEY = "gw-live-7f3a9c1e5b2d4f60a8c7";
    private static final String REGISTERED_KEY = "corp-gateway-secret-93f1a2";

    @TempDir
    Path dir;

    private static StubReply echo(dev.railguard.testkit.RecordedRequest request) {
        String auth = request.headers().getOrDefault("authorization", "");
        String key = auth.replaceFirst("(?i)^bearer\\s+", "");
        return new StubReply(401, "{\"error\":{\"message\":\"invalid credentials. You sent Authorization: " + auth
                + " -- the key " + key + " is unknown\",\"type\":\"invalid_request_error\"}}",
                java.util.Map.of("Content-Type", "application/json"), Duration.ZERO);
    }

    private static OpenAiChatModel model(StubOpenAiServer server, String key) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey(key).modelName("judge-1")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void a_401_body_that_echoes_the_key_leaves_no_trace_in_results_report_or_messages() throws Exception {
        Redaction.register(REGISTERED_KEY);
        try (StubOpenAiServer server = StubOpenAiServer.start(SecretRedactionTest::echo)) {
            String[] keys = {BEARER_KEY, REGISTERED_KEY};
            for (int k = 0; k < keys.length; k++) {
                String key = keys[k];
                String run = "run" + k;
                Path out = dir.resolve(run + "/results.jsonl");
                Path in = Files.writeString(dir.resolve(run + ".jsonl"),
                        BatchFixtures.line("q", "an output", "t", "alpha") + "\n");
                try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                        .judges(JudgePanel.single("judge", model(server, key)))
                        .metrics(MetricRegistry.of(TestMetrics.judged("alpha", Set.of())))
                        .build()) {
                    MetricResult alpha = evaluator.evaluate(EvaluationRequest.builder()
                            .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("an output").metrics("alpha")
                            .build()).metric("alpha");
                    assertThat(alpha.verdict()).isEqualTo(Verdict.ERROR);
                    assertThat(alpha.rationale()).contains("AuthenticationException").contains(Redaction.MASK)
                            .doesNotContain(key);
                    assertThat(alpha.diagnostics()).allSatisfy(d -> assertThat(d.message()).doesNotContain(key));

                    BatchSummary summary = BatchEvaluator.builder().evaluator(evaluator).input(in).output(out)
                            .summaryFile(dir.resolve(run + "/summary.json"))
                            .progress(BatchEvaluator.Progress.QUIET).build().run();
                    HtmlReport.write(summary, dir.resolve(run + "/report.html"));
                }
                String results = Files.readString(out, StandardCharsets.UTF_8);
                assertThat(results).contains("AuthenticationException").contains(Redaction.MASK);
                for (String file : new String[] {"results.jsonl", "summary.json", "report.html"}) {
                    assertThat(Files.readString(dir.resolve(run + "/" + file), StandardCharsets.UTF_8)).as(file)
                            .doesNotContain(key);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Authorization: Bearer abc.def-123456789| Authorization: Bearer [REDACTED]",
        "{\"Authorization\":\"Basic dXNlcjpwYXNzd29yZA==\"}| {\"Authorization\":\"Basic [REDACTED]\"}",
        "x-api-key: 0123456789abcdef| x-api-key: [REDACTED]",
        "api_key=s3cr3tv4lu3&x=1| api_key=[REDACTED]&x=1",
        "use sk-proj-AbCdEfGhIjKlMnOpQrSt123 here| use [REDACTED] here",
        "no secret in this sentence about keys: none| no secret in this sentence about keys: none",
    })
    void credential_shaped_values_are_masked_and_ordinary_text_is_not(String text, String expected) {
        assertThat(Redaction.redact(text)).isEqualTo(expected);
    }

    @Test
    void short_or_blank_secrets_are_not_registered() {
        Redaction.register("abc");
        Redaction.register("   ");
        Redaction.register(null);
        assertThat(Redaction.redact("abc is a word")).isEqualTo("abc is a word");
    }
}
