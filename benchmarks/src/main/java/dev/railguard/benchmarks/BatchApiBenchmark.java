package dev.railguard.benchmarks;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchSummary;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubBatchServer;
import dev.railguard.testkit.StubReply;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cost per 1,000 evaluations through the synchronous and the batch API, and the wall time of a batch run against the
 * stub batch endpoints: the bundled sample (four installed metrics) and the RAG case of the cost benchmark
 * (context adherence, a 2,000-token context). Prompt and reply tokens are counted with cl100k_base over what each
 * line sends and what the stub answers; the stub's replies are short, so real replies cost more output tokens.
 * Run with {@code -Dexec.args=batchapi}.
 */
final class BatchApiBenchmark {

    /** Published list prices per million tokens (input, output), December 2026 price pages. */
    private static final Map<String, double[]> LIST = Map.of("gpt-4o-mini", new double[] {0.15, 0.60},
            "gpt-4o", new double[] {2.50, 10.00});

    private static final List<String> SAMPLE_METRICS = List.of("correctness", "instruction_adherence",
            "comprehensive_safety", "pii");

    private BatchApiBenchmark() {}

    static void run() throws Exception {
        Path dir = Files.createTempDirectory("railguard-batchapi-bench");
        Path sample = List.of(Path.of("samples/src/main/resources/dev/railguard/samples/sample-events.jsonl"),
                Path.of("../samples/src/main/resources/dev/railguard/samples/sample-events.jsonl")).stream()
                .filter(Files::exists).findFirst().orElseThrow();
        List<String> rag = new ArrayList<>();
        String context = ScaleBenchmarks.sentences("The Atlas library opened in 1901 and holds %d rare manuscripts in"
                + " wing %d. ", 2000);
        String answer = ScaleBenchmarks.sentences("The library holds %d manuscripts in wing %d. ", 200);
        ModelInput input = ModelInput.builder().userPrompt("What does the Atlas library hold?").addDocuments(context)
                .build();
        for (int i = 0; i < 1000; i++) {
            rag.add(DeepRailsCodec.write(new DeepRailsEvent("rag-" + i, input, "Answer " + i + ": " + answer, null,
                    RunMode.FAST,
                    null, List.of("context_adherence"), Map.of(), Set.of(), List.of(), List.of())));
        }
        List<String> sampleLines = new ArrayList<>();
        for (String line : Files.readAllLines(sample, StandardCharsets.UTF_8)) {
            // the installed metrics every sample line can run (its own include metrics the samples module registers)
            DeepRailsEvent e = DeepRailsCodec.read(line, DeepRailsEntry.BATCH_LINE);
            sampleLines.add(DeepRailsCodec.write(new DeepRailsEvent(e.id(), e.modelInput(), e.modelOutput(),
                    e.modelUsed(), e.runMode(), e.nametag(), SAMPLE_METRICS, Map.of(), e.capabilities(), e.fileIds(),
                    List.of())));
        }
        Path sampleFile = dir.resolve("sample.jsonl");
        Files.write(sampleFile, sampleLines, StandardCharsets.UTF_8);
        Path ragFile = dir.resolve("rag.jsonl");
        Files.write(ragFile, rag, StandardCharsets.UTF_8);
        System.out.println("batch API: cost per 1,000 evaluations (cl100k_base token counts; list prices per million"
                + " tokens: gpt-4o-mini 0.15/0.60, gpt-4o 2.50/10.00; batch = half) and wall time against the stub");
        measure("bundled sample (" + sampleLines.size() + " events, 4 metrics)", sampleFile, dir.resolve("sample"));
        measure("RAG, context_adherence, 2,000-token context (1,000 events)", ragFile, dir.resolve("rag"));
    }

    private static StubReply reply(RecordedRequest r) {
        String content = JudgeReplies.satisfying(r);
        return StubReply.content(content, ScaleBenchmarks.tokens(r.allText()), ScaleBenchmarks.tokens(content));
    }

    private static void measure(String name, Path input, Path out) throws Exception {
        PriceTable.Builder prices = PriceTable.builder();
        LIST.forEach((model, p) -> prices.perMillionTokens(model, p[0], p[1]));
        try (StubBatchServer batches = StubBatchServer.start(BatchApiBenchmark::reply).pollsUntilDone(1)) {
            OpenAiChatModel judge = OpenAiChatModel.builder().baseUrl(batches.openAiBaseUrl()).apiKey("bench")
                    .modelName("gpt-4o").build();
            BatchApi api = BatchApi.openAi(batches.openAiBaseUrl(), "bench").pollInterval(Duration.ofSeconds(1),
                    Duration.ofSeconds(5)).progress(line -> { }).build();
            long t0 = System.nanoTime();
            BatchSummary s;
            try (RailguardEvaluator evaluator = RailguardEvaluator.builder().metrics(MetricRegistry.installed())
                    .judges(JudgePanel.single("gpt-4o", judge)).prices(prices.build()).batchApi(api).build()) {
                s = BatchEvaluator.builder().evaluator(evaluator).input(input)
                        .output(out.resolve("results.jsonl")).maxInFlight(10_000)
                        .progress(BatchEvaluator.Progress.QUIET).log(new PrintStream(OutputStream.nullOutputStream()))
                        .build().run();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double per = 1000.0 / Math.max(1, s.events());
            System.out.printf(Locale.ROOT, "  %s: %d events, %d judge calls in %d batch(es), %,d prompt + %,d reply"
                    + " tokens; wall time %.1f s%n", name, s.events(), s.judgeCalls(), batches.batchesCreated(),
                    s.inputTokens(), s.outputTokens(), wall);
            for (Map.Entry<String, double[]> e : LIST.entrySet()) {
                double sync = (s.inputTokens() * e.getValue()[0] + s.outputTokens() * e.getValue()[1]) / 1e6 * per;
                System.out.printf(Locale.ROOT, "    %-12s per 1,000 evaluations: synchronous %.2f, batch %.2f%n",
                        e.getKey(), sync, sync / 2);
            }
            System.out.printf(Locale.ROOT, "    billed by the run (gpt-4o): %.4f, synchronously %.4f%n", s.cost(),
                    s.synchronousCost());
        }
    }
}
