package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.batch.BatchLines;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubBatchServer;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code railguard eval --batch-api} on the bundled sample against the stub batch endpoints. */
class BatchApiCommandTest {

    private static final Path SAMPLE = Path.of("../samples/src/main/resources/dev/railguard/samples/"
            + "sample-events.jsonl").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The installed metrics every sample line can run (its own include metrics the samples module registers). */
    private static final String METRICS = "correctness,instruction_adherence,comprehensive_safety,pii";

    @TempDir
    Path dir;

    /** Y everywhere but on claims about returns or refunds. */
    static StubReply judge(RecordedRequest r) {
        if (r.userText().toLowerCase().contains("refund")) {
            return StubReply.content(JudgeReplies.units().unit("A claim about refunds.", "N", "high", "Not so.")
                    .json(), 600, 40);
        }
        return StubReply.content(JudgeReplies.satisfying(r), 600, 40);
    }

    private static Map<String, String> env(String baseUrl) {
        return Map.of("RAILGUARD_JUDGE_BASE_URL", baseUrl, "RAILGUARD_JUDGE_API_KEY", "sk-batch-test-secret",
                "RAILGUARD_JUDGE_MODEL", "gpt-4o", "RAILGUARD_JUDGE_PRICES", "gpt-4o=2.50:10.00");
    }

    /** Each line's evaluation_result and units, by line number. */
    private static Map<Integer, String> verdicts(Path results) throws IOException {
        Map<Integer, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            out.put(n.path("line").asInt(), n.path("evaluation_result").toString() + n.path("units"));
        }
        return out;
    }

    private static JsonNode usage(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile()).path("usage");
    }

    @Test
    void the_sample_through_the_batch_api_has_the_synchronous_verdicts_at_half_the_cost_and_then_comes_from_the_cache()
            throws Exception {
        Path syncOut = dir.resolve("sync");
        Path batchOut = dir.resolve("batch");
        Path cache = dir.resolve("cache");
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiCommandTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiCommandTest::judge).pollsUntilDone(1)) {
            Cli direct = Cli.run(env(sync.baseUrl()), "eval", SAMPLE.toString(), "--out", syncOut.toString(),
                    "--progress", "quiet", "--metrics", METRICS);
            Cli batched = Cli.run(env(batches.openAiBaseUrl()), "eval", SAMPLE.toString(), "--out",
                    batchOut.toString(), "--progress", "quiet", "--metrics", METRICS, "--batch-api", "--batch-poll",
                    "20", "--cache-dir",
                    cache.toString());

            assertThat(batched.exitCode()).as(batched.err()).isEqualTo(direct.exitCode());
            assertThat(verdicts(batchOut.resolve("results.jsonl"))).as(batched.err()).hasSizeGreaterThan(50)
                    .isEqualTo(verdicts(syncOut.resolve("results.jsonl")));
            assertThat(batches.batchesCreated()).isEqualTo(1);
            JsonNode s = usage(syncOut);
            JsonNode b = usage(batchOut);
            assertThat(b.path("judge_calls").asInt()).isEqualTo(s.path("judge_calls").asInt()).isPositive();
            assertThat(b.path("input_tokens").asLong()).isEqualTo(s.path("input_tokens").asLong());
            assertThat(b.path("cost").asDouble()).isCloseTo(s.path("cost").asDouble() / 2,
                    offset(1e-9));
            assertThat(b.path("synchronous_cost").asDouble()).isCloseTo(s.path("cost").asDouble(),
                    offset(1e-9));
            assertThat(batched.out()).containsPattern("judge tokens: \\d+ in \\(0 cached\\), \\d+ out;"
                    + " cost \\d\\.\\d{4}"
                    + " \\(synchronously: \\d\\.\\d{4}\\)");
            assertThat(batched.err()).contains("railguard batch-api: round 1: submitted batch batch_")
                    .doesNotContain("sk-batch-test-secret");

            Cli again = Cli.run(env(batches.openAiBaseUrl()), "eval", SAMPLE.toString(), "--out",
                    batchOut.toString(), "--progress", "quiet", "--metrics", METRICS, "--batch-api", "--batch-poll",
                    "20", "--cache-dir",
                    cache.toString());
            assertThat(again.exitCode()).isEqualTo(direct.exitCode());
            assertThat(usage(batchOut).path("judge_calls").asInt()).isZero();
            assertThat(batches.batchesCreated()).isEqualTo(1);
            assertThat(verdicts(batchOut.resolve("results.jsonl")))
                    .isEqualTo(verdicts(syncOut.resolve("results.jsonl")));
        }
    }

    @Test
    void killed_with_sigkill_while_waiting_the_run_resumes_the_same_batch_and_submits_nothing_twice()
            throws Exception {
        killWhileWaitingAndResume(BatchApiCommandTest::judge, BatchApiCommandTest::env, List.of("--metrics", METRICS),
                1, 1);
    }

    @Test
    void killed_while_waiting_in_the_second_round_the_run_resumes_both_rounds_with_one_batch_per_round_and_model()
            throws Exception {
        // precision: round 1 partitions with one judge, round 2 verifies with both (one batch per model); replies
        // of the verify schema everywhere, so no repair call makes a third round
        killWhileWaitingAndResume(r -> StubReply.content(JudgeReplies.satisfying(r), 600, 40), url -> Map.of("RAILGUARD_JUDGE_BASE_URL", url, "RAILGUARD_JUDGE_API_KEY",
                "sk-batch-test-secret", "RAILGUARD_JUDGE_MODEL", "judge-a,judge-b"),
                List.of("--metrics", "correctness,pii", "--run-mode", "precision"), 2, 3);
    }

    /**
     * Runs the sample through the batch API in a child JVM, kills it with SIGKILL once it has submitted
     * {@code batches} batches and waits for the held ones (from the {@code heldFrom}-th on), resumes it and checks that
     * it ends as the synchronous run does without submitting any batch again.
     */
    private void killWhileWaitingAndResume(Function<RecordedRequest, StubReply> judge,
            Function<String, Map<String, String>> env, List<String> args, int heldFrom, int batches) throws Exception {
        Path syncOut = dir.resolve("sync");
        Path out = dir.resolve("batch");
        Path childOutput = dir.resolve("child.txt");
        try (StubOpenAiServer sync = StubOpenAiServer.start(judge);
                StubBatchServer stub = StubBatchServer.start(judge).holdFrom(heldFrom)) {
            Cli direct = Cli.run(env.apply(sync.baseUrl()), Stream.concat(Stream.of("eval", SAMPLE.toString(),
                    "--out", syncOut.toString(), "--progress", "quiet"), args.stream()).toArray(String[]::new));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), RailguardCommand.class.getName(),
                    "eval", SAMPLE.toString(), "--out", out.toString(), "--progress", "quiet", "--batch-api",
                    "--batch-poll", "50"));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childOutput.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("RAILGUARD_") || k.startsWith("OPENAI_"));
            pb.environment().putAll(env.apply(stub.openAiBaseUrl()));
            Process child = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // the progress line of a batch comes after it is recorded in the job file
            while (submitted(childOutput) < batches && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(submitted(childOutput)).as(Files.readString(childOutput)).isEqualTo(batches);
            Thread.sleep(300); // the child is polling the held batches
            assertThat(child.isAlive()).isTrue();
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
            assertThat(Files.readString(out.resolve("results.jsonl"))).isEmpty();

            stub.hold(false);
            Cli resumed = Cli.run(env.apply(stub.openAiBaseUrl()), Stream.concat(Stream.of("eval", SAMPLE.toString(),
                    "--out", out.toString(), "--progress", "quiet", "--batch-api", "--batch-poll", "20", "--resume"),
                    args.stream()).toArray(String[]::new));

            assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(direct.exitCode());
            assertThat(resumed.err()).contains("railguard batch-api: picking up batch batch_")
                    .doesNotContain("submitted batch");
            assertThat(resumed.err().lines().filter(l -> l.contains("picking up batch"))).doesNotHaveDuplicates()
                    .hasSize(batches);
            assertThat(stub.batchesCreated()).isEqualTo(batches);
            assertThat(verdicts(out.resolve("results.jsonl"))).hasSizeGreaterThan(50)
                    .isEqualTo(verdicts(syncOut.resolve("results.jsonl")));
        }
    }

    private static long submitted(Path childOutput) throws IOException {
        return Files.exists(childOutput) ? Files.readAllLines(childOutput).stream()
                .filter(l -> l.contains(": submitted batch ")).count() : 0;
    }

    @Test
    void resuming_the_batches_of_another_input_file_is_refused_with_both_hashes() throws Exception {
        Path out = dir.resolve("batch");
        Path other = Cli.events(dir);
        try (StubBatchServer batches = StubBatchServer.start(BatchApiCommandTest::judge)) {
            Cli first = Cli.run(env(batches.openAiBaseUrl()), "eval", SAMPLE.toString(), "--out", out.toString(),
                    "--progress", "quiet", "--metrics", METRICS, "--batch-api", "--batch-poll", "20");
            assertThat(first.err()).contains("submitted batch");
            Cli wrong = Cli.run(env(batches.openAiBaseUrl()), "eval", other.toString(), "--out", out.toString(),
                    "--progress", "quiet", "--metrics", METRICS, "--batch-api", "--resume");

            assertThat(wrong.exitCode()).isEqualTo(2);
            assertThat(wrong.err()).contains("batchApi.jobFile '" + out.resolve("batch-jobs.json") + "' holds the"
                    + " batches of another input (input hash " + BatchLines.hash(Files.readString(SAMPLE)) + "), but"
                    + " this run's input hash is " + BatchLines.hash(Files.readString(other)) + "; resume with the"
                    + " input file of that run, or start over (without --resume), which abandons those batches");
        }
    }

    /** A project file with an OpenAI judge at JUDGE_URL, two datasets (one of {@link Cli#events}) and {@code extra}. */
    private Path project(String extra) throws Exception {
        Cli.events(dir);
        Files.writeString(dir.resolve("more.jsonl"), Cli.event("rome", "Rome is the capital of Italy.") + "\n"
                + Cli.event("refund", "A refund takes 30 days.") + "\n");
        return Files.writeString(dir.resolve("railguard.yaml"), """
                judges:
                  - provider: openai
                    model: gpt-4o
                    base_url: ${JUDGE_URL}
                    api_key: ${JUDGE_KEY}
                    prices: {input: 2.5, output: 10}
                datasets:
                  - name: first
                    path: events.jsonl
                  - name: second
                    path: more.jsonl
                """ + extra);
    }

    @Test
    void the_project_files_batch_api_sends_each_datasets_calls_in_one_batch_with_one_job_file_for_the_run()
            throws Exception {
        Path file = project("batch_api: {provider: openai, poll_seconds: 0.02}\n");
        Path out = dir.resolve("out");
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiCommandTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiCommandTest::judge)) {
            Cli direct = Cli.run(Map.of("JUDGE_URL", sync.baseUrl(), "JUDGE_KEY", "sk-test"), "eval", "--config",
                    file.toString(), "--out", dir.resolve("sync").toString(), "--progress", "quiet", "--batch-api",
                    "off");
            Cli batched = Cli.run(Map.of("JUDGE_URL", batches.openAiBaseUrl(), "JUDGE_KEY", "sk-test"), "eval",
                    "--config", file.toString(), "--out", out.toString(), "--progress", "quiet");

            assertThat(direct.exitCode()).as(direct.err()).isEqualTo(0);
            assertThat(direct.err()).doesNotContain("batch-api");
            assertThat(sync.requestCount()).isPositive();
            assertThat(batched.exitCode()).as(batched.err()).isEqualTo(0);
            assertThat(batches.batchesCreated()).isEqualTo(2);
            assertThat(batched.err()).contains("round 1: submitted batch", "round 2: submitted batch",
                    "recorded in " + out.resolve("batch-jobs.json"));
            for (String dataset : List.of("first", "second")) {
                assertThat(verdicts(out.resolve(dataset).resolve("results.jsonl")))
                        .isEqualTo(verdicts(dir.resolve("sync").resolve(dataset).resolve("results.jsonl")));
            }
            assertThat(usage(out.resolve("first")).path("synchronous_cost").asDouble())
                    .isCloseTo(2 * usage(out.resolve("first")).path("cost").asDouble(), offset(1e-9)).isPositive();
        }
    }

    @Test
    void a_batch_api_the_judges_provider_cannot_use_is_a_usage_error_naming_the_judge() throws Exception {
        Path file = project("");
        Cli cli = Cli.run(Map.of("JUDGE_URL", "http://127.0.0.1:9", "JUDGE_KEY", "sk-test"), "eval", "--config",
                file.toString(), "--out", dir.resolve("out").toString(), "--batch-api", "anthropic");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--batch-api: every judge call goes through the batch API of anthropic, but"
                + " judges[0] ('gpt-4o') of " + file + " is of provider openai; run without the batch API, or declare"
                + " judges of that one provider");
    }

    @Test
    void a_provider_without_a_batch_api_is_a_usage_error_naming_the_ones_with_one() {
        Cli cli = Cli.run(env("http://127.0.0.1:9"), "eval", SAMPLE.toString(), "--out", dir.toString(),
                "--batch-api", "ollama");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--batch-api: batchApi.provider must be one of [openai, anthropic, gemini], but"
                + " was: 'ollama'; Railguard knows no batch API of that provider: run without --batch-api to use its"
                + " synchronous API");
    }
}
