package dev.railguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.config.internal.JudgeModels;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubAnthropicServer;
import dev.railguard.testkit.StubGeminiServer;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judges of every provider, each against a local stub of its own wire format, declared in a file or by variables. */
class ProvidersTest {

    private static final String KEY = "sk-ant-api03-" + "Zq9".repeat(12);
    private static final String UNIT = JudgeReplies.units().unit("Paris is the capital of France.", "Y", "high",
            "true").json();

    @TempDir
    Path dir;

    private static EvaluationRequest request() {
        return EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("What is the capital of France?"))
                .modelOutput("Paris is the capital of France.").metrics("correctness").build();
    }

    private RailguardProject project(String judge, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("railguard.yaml"), "judges:\n" + judge);
        return RailguardProject.load(file, env, new Properties());
    }

    private static MetricResult correctness(RailguardProject project) {
        try (RailguardEvaluator evaluator = project.evaluatorBuilder().retryBackoff(Duration.ofMillis(1),
                Duration.ofMillis(5)).build()) {
            EvaluationResult result = evaluator.evaluate(request());
            return result.metric("correctness");
        }
    }

    @Test
    void an_anthropic_judge_speaks_the_messages_api_with_the_key_header_and_its_usage_counts() throws IOException {
        try (StubAnthropicServer server = StubAnthropicServer.start(r -> StubAnthropicServer.text(UNIT, 321, 45))) {
            MetricResult m = correctness(project("  - provider: anthropic\n    model: claude-sonnet-4-5\n"
                    + "    base_url: " + server.baseUrl() + "\n    api_key: ${ANTHROPIC_API_KEY}\n",
                    Map.of("ANTHROPIC_API_KEY", KEY)));
            assertThat(m.verdict()).as(m.rationale()).isEqualTo(Verdict.PASS);
            assertThat(m.usage().inputTokens()).isEqualTo(321);
            assertThat(m.usage().outputTokens()).isEqualTo(45);
            RecordedRequest r = server.requests().get(0);
            assertThat(r.path()).isEqualTo("/v1/messages");
            assertThat(r.headers()).containsEntry("x-api-key", KEY);
            assertThat(r.json().path("model").asText()).isEqualTo("claude-sonnet-4-5");
            assertThat(r.json().at("/output_config/format/type").asText()).isEqualTo("json_schema");
            assertThat(r.json().at("/output_config/format/schema/properties/units").isObject()).isTrue();
        }
    }

    @Test
    void a_gemini_judge_speaks_generate_content_and_its_usage_counts() throws IOException {
        try (StubGeminiServer server = StubGeminiServer.start(r -> StubGeminiServer.text(UNIT, 222, 33))) {
            MetricResult m = correctness(project("  - provider: gemini\n    model: gemini-2.5-flash\n"
                    + "    base_url: " + server.baseUrl() + "\n    api_key: ${GEMINI_API_KEY}\n",
                    Map.of("GEMINI_API_KEY", "AIza" + "x".repeat(35))));
            assertThat(m.verdict()).as(m.rationale()).isEqualTo(Verdict.PASS);
            assertThat(m.usage().inputTokens()).isEqualTo(222);
            RecordedRequest r = server.requests().get(0);
            assertThat(r.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
            assertThat(r.json().at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
            assertThat(r.json().at("/generationConfig/responseSchema").isObject()).isTrue();
        }
    }

    @Test
    void a_429_with_retry_after_is_retried_for_anthropic_and_gemini() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (StubAnthropicServer server = StubAnthropicServer.start(r -> calls.getAndIncrement() == 0
                ? StubAnthropicServer.rateLimited(Duration.ofSeconds(1)) : StubAnthropicServer.text(UNIT))) {
            MetricResult m = correctness(project("  - provider: anthropic\n    model: claude-haiku-4-5\n"
                    + "    base_url: " + server.baseUrl() + "\n", Map.of("ANTHROPIC_API_KEY", KEY)));
            assertThat(m.verdict()).as(m.rationale()).isEqualTo(Verdict.PASS);
            assertThat(server.requests()).hasSize(2);
        }
        calls.set(0);
        try (StubGeminiServer server = StubGeminiServer.start(r -> calls.getAndIncrement() == 0
                ? StubGeminiServer.rateLimited(Duration.ofSeconds(1)) : StubGeminiServer.text(UNIT))) {
            MetricResult m = correctness(project("  - provider: gemini\n    model: gemini-2.5-flash\n"
                    + "    base_url: " + server.baseUrl() + "\n", Map.of("GEMINI_API_KEY", "g")));
            assertThat(m.verdict()).as(m.rationale()).isEqualTo(Verdict.PASS);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void a_401_that_echoes_the_key_is_an_error_whose_reason_never_shows_it() throws IOException {
        try (StubAnthropicServer server = StubAnthropicServer.start(r -> StubAnthropicServer.unauthorized(KEY))) {
            MetricResult m = correctness(project("  - provider: anthropic\n    model: claude-haiku-4-5\n"
                    + "    base_url: " + server.baseUrl() + "\n    api_key: ${ANTHROPIC_API_KEY}\n",
                    Map.of("ANTHROPIC_API_KEY", KEY)));
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).contains("AuthenticationException", "[REDACTED]").doesNotContain(KEY).doesNotContain("Zq9Zq9");
            assertThat(m.diagnostics().toString()).doesNotContain(KEY);
        }
        String geminiKey = "AIzaSy" + "Qw7".repeat(11);
        try (StubGeminiServer server = StubGeminiServer.start(r -> StubGeminiServer.unauthorized(geminiKey))) {
            MetricResult m = correctness(project("  - provider: gemini\n    model: gemini-2.5-flash\n"
                    + "    base_url: " + server.baseUrl() + "\n    api_key: ${GEMINI_API_KEY}\n",
                    Map.of("GEMINI_API_KEY", geminiKey)));
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).doesNotContain(geminiKey);
            assertThat(m.diagnostics().toString()).doesNotContain(geminiKey);
        }
    }

    @Test
    void azure_openai_sends_the_key_as_api_key_header_to_the_resource_endpoint() throws IOException {
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(UNIT))) {
            MetricResult m = correctness(project("  - provider: azure-openai\n    model: my-gpt-4o-deployment\n"
                    + "    base_url: " + server.baseUrl() + "\n    api_key: ${AZURE_OPENAI_API_KEY}\n",
                    Map.of("AZURE_OPENAI_API_KEY", "azure-key-123")));
            assertThat(m.verdict()).as(m.rationale()).isEqualTo(Verdict.PASS);
            RecordedRequest r = server.requests().get(0);
            assertThat(r.headers()).containsEntry("api-key", "azure-key-123").doesNotContainKey("authorization");
            assertThat(r.model()).isEqualTo("my-gpt-4o-deployment");
            assertThat(r.responseFormatType()).contains("json_schema");
        }
    }

    @Test
    void the_environment_picks_a_provider_without_a_file() {
        try (StubAnthropicServer anthropic = StubAnthropicServer.start(r -> StubAnthropicServer.text(UNIT));
             StubOpenAiServer ollama = StubOpenAiServer.start(r -> StubReply.content(UNIT))) {
            JudgeEnvironment a = JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_PROVIDER", "anthropic",
                    "RAILGUARD_JUDGE_BASE_URL", anthropic.baseUrl(), "ANTHROPIC_API_KEY", KEY,
                    "RAILGUARD_JUDGE_MODEL", "claude-haiku-4-5"), new Properties());
            JudgeEnvironment o = JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_PROVIDER", "ollama",
                    "RAILGUARD_JUDGE_BASE_URL", ollama.baseUrl(), "RAILGUARD_JUDGE_MODEL", "llama3.1"),
                    new Properties());
            for (JudgeEnvironment e : new JudgeEnvironment[] {a, o}) {
                try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(e.requirePanel()).build()) {
                    assertThat(evaluator.evaluate(request()).metric("correctness").verdict()).isEqualTo(Verdict.PASS);
                }
            }
            assertThat(anthropic.requests().get(0).headers()).containsEntry("x-api-key", KEY);
            assertThat(ollama.requests().get(0).model()).isEqualTo("llama3.1");
        }
    }

    @Test
    void ollama_alone_is_a_configured_judge_at_its_default_endpoint() {
        JudgeEnvironment e = JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_PROVIDER", "ollama"), new Properties());
        assertThat(e.configured()).isTrue();
        assertThat(e.baseUrl()).isEqualTo("http://localhost:11434/v1");
    }

    @Test
    void an_unknown_provider_variable_names_the_providers() {
        assertThatIllegalArgumentException().isThrownBy(() -> JudgeEnvironment.from(Map.of(
                "RAILGUARD_JUDGE_PROVIDER", "antropic"), new Properties())).withMessage("RAILGUARD_JUDGE_PROVIDER"
                + " (railguard.judge.provider) must be one of [openai, azure-openai, anthropic, gemini, ollama], but"
                + " was: 'antropic'");
    }

    @Test
    void a_missing_provider_module_is_one_line_naming_the_dependency() throws IOException {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatIllegalArgumentException().isThrownBy(() -> JudgeModels.requireModule(JudgeProvider.ANTHROPIC,
                    bare)).withMessage("provider anthropic needs the dependency dev.langchain4j:langchain4j-anthropic"
                    + ":1.19.0 on the class path; add it to your build (the railguard command includes it)");
            assertThatIllegalArgumentException().isThrownBy(() -> JudgeModels.requireModule(JudgeProvider.GEMINI,
                    bare)).withMessageContaining("dev.langchain4j:langchain4j-google-ai-gemini:1.19.0");
            JudgeModels.requireModule(JudgeProvider.OLLAMA, bare);
        }
    }

    @Test
    void a_judge_spec_says_whether_it_has_a_key_but_never_prints_it() {
        JudgeModels.Spec withKey = new JudgeModels.Spec(JudgeProvider.ANTHROPIC, "claude-haiku-4-5", null, KEY,
                Duration.ofSeconds(60));
        assertThat(withKey.toString()).doesNotContain(KEY).doesNotContain("Zq9")
                .isEqualTo("Spec[provider=anthropic, model=claude-haiku-4-5, baseUrl=null, apiKey=(set, not shown),"
                        + " timeout=PT1M]");
        assertThat(new JudgeModels.Spec(JudgeProvider.OLLAMA, "llama3.1", "http://127.0.0.1:11434/v1", null,
                Duration.ofSeconds(5)).toString()).contains("apiKey=none");
    }
}
