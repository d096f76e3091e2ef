package dev.railguard.benchmarks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeStats;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.RailguardHttp;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.ScriptedChatModel;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The "Judges at scale" benchmarks: engine overhead, throughput against the ideal through the real OpenAI client,
 * the cache, and the cost per evaluation beside DeepEval. Run by hand (see the README), never by CI; everything runs
 * against in-process judges or the local stub server on 127.0.0.1.
 */
public final class ScaleBenchmarks {

    private static final String REPLY = JudgeReplies.units()
            .unit("Paris is the capital of France.", "Y", "certain", "Well known.")
            .unit("It lies on the Seine.", "Y", "high", "True.").json();
    private static final List<String> THREE_METRICS = List.of("correctness", "completeness", "comprehensive_safety");
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private ScaleBenchmarks() {}

    /**
     * Runs the four benchmarks and prints their figures. Optional argument: the number of evaluations (2000),
     * {@code cost} to run only the cost benchmark, {@code tokens} for the prompt and reply tokens per metric and mode
     * ({@link PromptTokens}), {@code pii} to run only {@link OfflinePiiBenchmark}, or {@code telemetry} to run only
     * {@link TelemetryOverhead}.
     */
    public static void main(String[] args) throws Exception {
        // The JDK HTTP server behind the stub writes headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add up to 40 ms to every reply, which is the stub's cost, not the
        // engine's. Must be set before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length > 0 && args[0].equals("store")) {
            StoreBenchmark.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("tokens")) {
            PromptTokens.run();
            return;
        }
        if (args.length > 0 && args[0].equals("pii")) {
            OfflinePiiBenchmark.run(args);
            return;
        }
        if (args.length > 0 && args[0].equals("cost")) {
            cost();
            return;
        }
        if (args.length > 0 && args[0].equals("catalogue")) {
            CatalogueTokens.run();
            return;
        }
        if (args.length > 0 && args[0].equals("batchapi")) {
            BatchApiBenchmark.run();
            return;
        }
        if (args.length > 0 && args[0].equals("telemetry")) {
            TelemetryOverhead.run();
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        engineOverhead();
        throughputAndCache(n);
        cost();
    }

    private static EvaluationRequest request(int i, List<String> metrics) {
        return EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt("Tell me about Paris, question " + i + "."))
                .modelOutput("Answer " + i + ": Paris is the capital of France. It lies on the Seine.")
                .metrics(metrics)
                .build();
    }

    /** 1. Evaluations per second of one metric with an in-process judge that answers instantly. */
    static void engineOverhead() {
        ChatModel instant = ScriptedChatModel.answering(r -> REPLY);
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("instant", instant)).maxConcurrentJudgeCalls(4).build()) {
            run(evaluator, 5_000, List.of("correctness")); // warm-up
            int count = 50_000;
            long t0 = System.nanoTime();
            long errors = run(evaluator, count, List.of("correctness"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "1. engine overhead: %,d evaluations of 1 metric in %.2f s = %,.0f evaluations/s "
                    + "(%.1f us each; %d errors)%n", count, seconds, count / seconds, seconds * 1e6 / count, errors);
        }
    }

    private static long run(RailguardEvaluator evaluator, int count, List<String> metrics) {
        try (Stream<EvaluationResult> results = evaluator.evaluateAll(
                IntStream.range(0, count).mapToObj(i -> request(i, metrics)))) {
            return results.filter(r -> r.metrics().values().stream().anyMatch(m -> m.verdict() == Verdict.ERROR))
                    .count();
        }
    }

    /** 2 and 3. Throughput through OpenAiChatModel against a 200 ms stub at concurrency 64, then the cache. */
    static void throughputAndCache(int n) throws IOException {
        Duration latency = Duration.ofMillis(200);
        int concurrency = 64;
        Path cacheDir = Files.createTempDirectory("railguard-bench-cache");
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(REPLY, 1000, 60)
                .delayed(latency))) {
            OpenAiChatModel model = OpenAiChatModel.builder()
                    .httpClientBuilder(RailguardHttp.retryAfterAware())
                    .baseUrl(server.baseUrl()).apiKey("bench").modelName("bench-judge")
                    .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
            RailguardEvaluator.Builder builder = RailguardEvaluator.builder()
                    .judges(JudgePanel.single("judge", model))
                    .maxConcurrentJudgeCalls(concurrency)
                    .maxInFlightEvaluations(concurrency * 2);
            try (RailguardEvaluator warmUp = builder.build()) {
                run(warmUp, 200, THREE_METRICS); // the HTTP connections and the JIT; no cache
            }
            double raw = rawClientCeiling(model, server, n * THREE_METRICS.size(), concurrency, latency);
            builder.cacheDirectory(cacheDir);
            server.clear();
            int before = server.requestCount();

            double first;
            JudgeStats stats;
            try (RailguardEvaluator evaluator = builder.build()) {
                long t0 = System.nanoTime();
                long errors = run(evaluator, n, THREE_METRICS);
                first = (System.nanoTime() - t0) / 1e9;
                stats = evaluator.judgeStats();
                int calls = server.requestCount() - before;
                double ideal = calls * latency.toMillis() / 1000.0 / concurrency;
                System.out.printf(Locale.ROOT, "2. throughput: %,d evaluations x %d metrics = %,d judge calls of %d ms at "
                        + "concurrency %d: actual %.2f s, ideal %.2f s, efficiency %.3f (%d errors, %d cache misses)%n",
                        n, THREE_METRICS.size(), calls, latency.toMillis(), concurrency, first, ideal, ideal / first,
                        errors, stats.cacheMisses());
                System.out.printf(Locale.ROOT, "   engine against the raw client ceiling: %.3f (raw %.2f s / engine %.2f s)%n",
                        raw / first, raw, first);
                int beforeMemory = server.requestCount();
                long m0 = System.nanoTime();
                long memoryErrors = run(evaluator, n, THREE_METRICS);
                double memory = (System.nanoTime() - m0) / 1e9;
                System.out.printf(Locale.ROOT, "3. cache, same evaluator (memory): the same %,d evaluations: %d judge calls, "
                        + "%,d cache hits, %.2f s = %.4f of the first run's wall time (%.0fx faster; %d errors)%n", n,
                        server.requestCount() - beforeMemory, evaluator.judgeStats().cacheHits(), memory,
                        memory / first, first / memory, memoryErrors);
            }
            int afterFirst = server.requestCount();
            try (RailguardEvaluator again = builder.build()) {
                long t0 = System.nanoTime();
                long errors = run(again, n, THREE_METRICS);
                double second = (System.nanoTime() - t0) / 1e9;
                JudgeStats s = again.judgeStats();
                System.out.printf(Locale.ROOT, "3. cache, new evaluator on the same directory: the same %,d evaluations: "
                        + "%d judge calls, %,d cache hits, %.2f s = %.4f of the first run's wall time "
                        + "(%.0fx faster; %d errors)%n", n, server.requestCount() - afterFirst, s.cacheHits(), second,
                        second / first, first / second, errors);
            }
        }
    }

    /**
     * What this machine can do without the engine: the same number of calls straight through {@code model.chat} from
     * {@code concurrency} plain threads. Shows how much of the gap to the ideal is the HTTP client, the stub and the
     * machine's load rather than the engine.
     */
    private static double rawClientCeiling(OpenAiChatModel model, StubOpenAiServer server, int calls, int concurrency,
            Duration latency) throws IOException {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(calls);
        long t0 = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> workers = IntStream.range(0, concurrency).mapToObj(w -> threads.submit(
                    () -> {
                        while (left.getAndDecrement() > 0) {
                            model.chat(rawRequest(left.get()));
                        }
                    })).collect(java.util.stream.Collectors.toList());
            for (java.util.concurrent.Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double ideal = calls * latency.toMillis() / 1000.0 / concurrency;
        System.out.printf(Locale.ROOT, "   raw client ceiling on this machine: %,d calls from %d plain threads without "
                + "the engine: %.2f s, efficiency %.3f%n", calls, concurrency, seconds, ideal / seconds);
        server.clear();
        return seconds;
    }

    /** A request of the size and shape of a fast-mode judge call (about 2,500 + 600 characters, JSON schema). */
    private static dev.langchain4j.model.chat.request.ChatRequest rawRequest(int i) {
        return dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.SystemMessage.from("You are a strict judge. ".repeat(100)),
                        dev.langchain4j.data.message.UserMessage.from("Output " + i + ": " + "claim. ".repeat(85)))
                .parameters(dev.langchain4j.model.chat.request.ChatRequestParameters.builder()
                        .temperature(0.0).maxOutputTokens(2048)
                        .responseFormat(dev.langchain4j.model.chat.request.ResponseFormat.builder()
                                .type(dev.langchain4j.model.chat.request.ResponseFormatType.JSON)
                                .jsonSchema(dev.langchain4j.model.chat.request.json.JsonSchema.builder().name("units")
                                        .rootElement(dev.langchain4j.model.chat.request.json.JsonObjectSchema.builder()
                                                .addStringProperty("verdict").build())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    /** One line per run mode to report; add a mode here when it exists. */
    private static final List<RunMode> COST_MODES = List.of(RunMode.values());

    /**
     * 4. Judge calls and prompt tokens per evaluation of context adherence (DeepEval's faithfulness) for a
     * 2,000-token context and a 200-token answer, per run mode.
     */
    /** The cost case's context: about 2,000 tokens of documents. */
    static String costContext() {
        return sentences("The Atlas library opened in 1901 and holds %d rare manuscripts in wing %d. ", 2000);
    }

    /** The cost case's answer: about 200 tokens. */
    static String costAnswer() {
        return sentences("The library holds %d manuscripts in wing %d. ", 200);
    }

    static void cost() {
        String context = costContext();
        String answer = costAnswer();
        System.out.printf(Locale.ROOT, "4. cost: context %,d tokens, answer %,d tokens (cl100k_base); DeepEval "
                + "faithfulness: 4 calls, ~4,050 prompt tokens%n", tokens(context), tokens(answer));
        for (RunMode mode : COST_MODES) {
            // a judge per role, so the precision modes get two distinct verifiers and an arbiter; the fast-mode
            // schema gets two judged units, every other schema a reply built from the schema itself
            try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(
                    r.schemaName().endsWith("_units") ? REPLY : JudgeReplies.satisfying(r), 1000, 60));
                    RailguardEvaluator evaluator = RailguardEvaluator.builder()
                            .judges(JudgePanel.builder()
                                    .fast("fast-judge", judge(server, "fast-judge"))
                                    .standard("judge-a", judge(server, "judge-a"))
                                    .standard("judge-b", judge(server, "judge-b"))
                                    .strong("strong-judge", judge(server, "strong-judge"))
                                    .code("code-judge", judge(server, "code-judge"))
                                    .build())
                            .build()) {
                evaluator.evaluate(EvaluationRequest.builder()
                        .modelInput(ModelInput.builder().userPrompt("What does the Atlas library hold?")
                                .addDocuments(context).build())
                        .modelOutput(answer)
                        .metrics("context_adherence")
                        .runMode(mode)
                        .build());
                List<RecordedRequest> calls = server.requests();
                long prompt = calls.stream().mapToLong(c -> tokens(c.allText())).sum();
                long estimate = calls.stream().mapToLong(c -> c.allText().length() / 4).sum();
                System.out.printf(Locale.ROOT, "   %-20s %d call(s), %,d prompt tokens (cl100k_base; chars/4 estimate "
                        + "%,d) per evaluation%n", mode.wireName(), calls.size(), prompt, estimate);
            }
        }
    }

    private static OpenAiChatModel judge(StubOpenAiServer server, String model) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("bench").modelName(model).maxRetries(0).build();
    }

    static String sentences(String pattern, int targetTokens) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (tokens(sb.toString()) < targetTokens) {
            sb.append(String.format(Locale.ROOT, pattern, 100 + i * 7, i % 9 + 1));
            i++;
        }
        return sb.toString().trim();
    }

    static int tokens(String text) {
        return CL100K.countTokens(text);
    }
}
