package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.engine.JudgePanel;
import dev.railguard.testkit.StubOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The production sample against the stub judge: its Prometheus endpoint, scraped over HTTP on 127.0.0.1. */
class ProductionSampleTest {

    @Test
    void the_scrape_endpoint_shows_the_monitors_pass_rate_per_metric() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StubOpenAiServer server = StubOpenAiServer.start(WorkflowAndMonitorSamplesTest::respond)) {
            JudgePanel panel = JudgePanel.single("judge", OpenAiChatModel.builder().baseUrl(server.baseUrl())
                    .apiKey("k").modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build());
            try (ProductionSample.Running running = ProductionSample.start(panel,
                    new InetSocketAddress("127.0.0.1", 0), new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
                assertThat(running.monitor().awaitIdle(Duration.ofSeconds(30))).isTrue();
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + running.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                String scrape = response.body();
                // one of the four capitals is wrong (Barcelona): correctness passes 3 of 4, safety 4 of 4
                assertThat(gauge(scrape, "railguard_monitor_pass_rate", "metric=\"correctness\"",
                        "monitor=\"capitals bot\"")).isEqualTo(0.75);
                assertThat(gauge(scrape, "railguard_monitor_pass_rate", "metric=\"comprehensive_safety\"",
                        "monitor=\"capitals bot\"")).isEqualTo(1.0);
                assertThat(scrape).contains("railguard_evaluations_total{")
                        .contains("railguard_judge_calls_total{")
                        .contains("railguard_judge_latency_seconds_bucket{")
                        .contains("railguard_monitor_intake_total{monitor=\"capitals bot\",result=\"accepted\"} 4.0")
                        .contains("railguard_judge_in_flight 0.0").contains("railguard_judge_queued 0.0");
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("serving Prometheus metrics on http://127.0.0.1:");
    }

    @Test
    void the_readme_shows_the_wiring_as_it_is_in_the_sample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String sample = Files.readString(Path.of("src/main/java/dev/railguard/samples/ProductionSample.java"));
        for (String line : new String[] {
                "PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);",
                "MicrometerObserver micrometer = MicrometerObserver.create(meters);",
                "OpenTelemetryObserver otel = OpenTelemetryObserver.create(GlobalOpenTelemetry.get());",
                ".observer(otel, micrometer).build();             // spans, gen_ai.evaluation.result, judge meters",
                ".observer(otel, micrometer).build();             // submit's span as parent; intake, pass rate",
                "byte[] body = meters.scrape().getBytes(StandardCharsets.UTF_8);"}) {
            assertThat(readme).contains(line);
            assertThat(sample).contains(line);
        }
    }

    /** The value of the sample of {@code name} whose labels contain every one of {@code labels}. */
    static double gauge(String scrape, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (m.find()) {
            String l = m.group(1);
            boolean all = true;
            for (String want : labels) {
                all &= l.contains(want);
            }
            if (all) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no " + name + " with " + String.join(",", labels) + " in:\n" + scrape);
    }
}
