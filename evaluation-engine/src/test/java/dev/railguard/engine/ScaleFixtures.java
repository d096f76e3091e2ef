package dev.railguard.engine;

import dev.railguard.engine.internal.judge.Dispatcher;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.UnitVerdict;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A judged metric, a deterministic stub judge and request factories shared by the scale tests. */
public final class ScaleFixtures {

    public static final String METRIC = "claims";
    public static final String SECOND_METRIC = "claims_again";
    private static final Pattern OUTPUT = Pattern.compile("<<<BEGIN model_output \\S+>>>\\n(.*?)\\n<<<END model_output",
            Pattern.DOTALL);

    private ScaleFixtures() {}

    /** A judged metric over the output's claims. */
    public static JudgedMetric metric(String name) {
        return TestMetrics.claims(name, false);
    }

    public static MetricRegistry registry() {
        return MetricRegistry.of(metric(METRIC), metric(SECOND_METRIC));
    }

    /** Output {@code i}: "fact i." repeated; the stub judge marks claim k of output i Y when (i + k) % 3 != 0. */
    public static EvaluationRequest request(int i, String... metrics) {
        return EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt("Question " + i + "?"))
                .modelOutput("Output " + i + ": claim one. claim two. claim three.")
                .metrics(metrics.length == 0 ? new String[] {METRIC} : metrics)
                .nametag("n" + i)
                .build();
    }

    /** The model output the judge was shown. */
    public static String outputOf(RecordedRequest request) {
        Matcher m = OUTPUT.matcher(request.messages("user").get(0));
        return m.find() ? m.group(1) : "";
    }

    /** A judge whose verdicts depend only on the output it is shown. */
    public static StubReply goodReply(RecordedRequest request) {
        String output = outputOf(request);
        int i = Integer.parseInt(output.replaceAll("^Output (\\d+):.*$", "$1").trim());
        JudgeReplies units = JudgeReplies.units();
        for (int k = 0; k < 3; k++) {
            units.unit("claim " + k + " of " + i, (i + k) % 3 != 0 ? "Y" : "N", k == 0 ? "high" : "medium", "r" + k);
        }
        return StubReply.content(units.json(), 300, 40);
    }

    /** An OpenAI judge against {@code baseUrl} that shows Retry-After to the engine and does not retry itself. */
    public static OpenAiChatModel model(String baseUrl) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(RailguardHttp.retryAfterAware())
                .baseUrl(baseUrl).apiKey("test-key").modelName("judge-model")
                .maxRetries(0).timeout(Duration.ofSeconds(10))
                .build();
    }

    /** What must not change between runs: verdict, score and unit verdicts of each metric. */
    public static String essence(EvaluationResult r) {
        return r.nametag() + " " + r.status() + " " + r.metrics().values().stream().map(ScaleFixtures::essence)
                .collect(Collectors.joining(" | "));
    }

    public static String essence(MetricResult m) {
        return m.metric() + "=" + m.verdict() + "@" + m.score() + m.units().stream().map(UnitVerdict::toString)
                .collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * The live threads except the ones the JDK shares or owns (its HTTP client's threads, which live as long as the
     * model; the common fork-join pool and the JDK's CompletableFuture delay scheduler, shared by the whole JVM) and
     * the stub server's. The engine uses neither shared pool.
     */
    static java.util.Set<Thread> relevantThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("HttpClient-") && !t.getName().startsWith("stub-openai")
                        && !t.getName().startsWith("ForkJoinPool.commonPool")
                        && !t.getName().equals("CompletableFutureDelayScheduler")
                        && !t.getName().startsWith("HTTP-Dispatcher"))
                .collect(Collectors.toSet());
    }

    /** The names of the relevant threads alive now that were not in {@code baseline}. */
    public static List<String> newThreads(java.util.Set<Thread> baseline) {
        return relevantThreads().stream().filter(t -> !baseline.contains(t)).map(Thread::getName).sorted().toList();
    }
}
