package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code samples/jshell/*.jsh} script with the real {@code jshell} of the running JDK, in a subprocess,
 * on the class path that the build writes to {@code samples/target/jshell.classpath} (the one documented in the
 * README), against the local stub judge, and checks what it printed. Each run is bounded by {@link #TIMEOUT_SECONDS}.
 *
 * <p>The stub routes replies by the JSON schema the engine asks for: {@code railguard_<metric>_units} (fast mode)
 * gets scripted verdicts per sample output; any other schema (a run mode this branch does not know) gets a reply built
 * from the schema itself, every verdict Y. The expectations for such modes are computed by evaluating the same data
 * in-process through the same stub, so the scripts must print what the engine returns.
 */
class JshellScriptsTest {

    static final long TIMEOUT_SECONDS = 120;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scripted fast-mode replies: by a phrase of the output under test, then by metric. */
    private static final Map<String, Map<String, String>> REPLIES = Map.of(
            "a city of about 80 million people", Map.of(
                    "correctness", JudgeReplies.units()
                            .unit("The capital of France is Paris.", "Y", "certain", "Well known.")
                            .unit("Paris has about 80 million people.", "N", "high", "About 2.1 million.").json(),
                    "completeness", allY("coverage", "detail_and_depth"),
                    "comprehensive_safety", allY("pii", "violence_or_threats")),
            "Paris is the capital of France.", Map.of(
                    "correctness", JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "Yes.").json(),
                    "completeness", allY("coverage", "relevance")),
            "Sydney", Map.of(
                    "correctness", JudgeReplies.units()
                            .unit("Sydney is the capital of Australia.", "N", "certain", "Canberra is.").json(),
                    "completeness", allY("coverage", "relevance")),
            "Mount Everest", Map.of(
                    "correctness", JudgeReplies.units()
                            .unit("Water boils at 100 °C at sea level.", "Y", "certain", "Yes.")
                            .unit("Water boils at 90 °C on Everest.", "N", "medium", "About 70 °C.").json(),
                    "completeness", allY("coverage", "relevance")),
            "80 million people live in Paris", Map.of(
                    "correctness", JudgeReplies.units()
                            .unit("About 80 million people live in Paris.", "N", "high", "About 2.1 million.").json(),
                    "completeness", JudgeReplies.units()
                            .unit("Asked: a number and its source", "coverage", "N", "high", "No source.")
                            .unit("relevance", "relevance", "Y", "high", "On topic.").json()));

    private static final Pattern UNITS_SCHEMA = Pattern.compile("railguard_(\\w+)_units");

    private static StubOpenAiServer server;
    private static Path root;
    private static String classPath;
    private static ExecutorService pool;
    private static final Map<String, Future<Run>> runs = new ConcurrentHashMap<>();

    private static String allY(String... labels) {
        JudgeReplies r = JudgeReplies.units();
        for (String l : labels) {
            r.unit(l, l, "Y", "high", "Fine.");
        }
        return r.json();
    }

    static StubReply reply(RecordedRequest request) {
        Matcher m = UNITS_SCHEMA.matcher(request.schemaName());
        if (!m.matches()) {
            return StubReply.content(JudgeReplies.satisfying(request), 300, 30);
        }
        String text = request.userText();
        for (Map.Entry<String, Map<String, String>> e : REPLIES.entrySet()) {
            if (text.contains(e.getKey()) && e.getValue().containsKey(m.group(1))) {
                return StubReply.content(e.getValue().get(m.group(1)), 500, 40);
            }
        }
        return StubReply.status(400);
    }

    @BeforeAll
    static void start() throws IOException {
        root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("samples/jshell"))) {
            root = root.getParent(); // surefire runs in the module directory
        }
        Path file = root.resolve("samples/target/jshell.classpath");
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: the build writes it (maven-dependency-plugin build-classpath in samples/pom.xml);"
                    + " run this test through Maven");
        }
        classPath = Files.readString(file).trim();
        server = StubOpenAiServer.start(JshellScriptsTest::reply);
        // Each run starts two JVMs (jshell and its execution engine); run them side by side to keep the class short.
        pool = Executors.newFixedThreadPool(4);
        runs.put("one", pool.submit(() -> jshell("evaluate-one.jsh", Map.of())));
        runs.put("file", pool.submit(() -> jshell("evaluate-file.jsh", Map.of())));
        runs.put("no-judge", pool.submit(() -> jshell("evaluate-file.jsh",
                Map.of("RAILGUARD_JUDGE_BASE_URL", "", "RAILGUARD_JUDGE_API_KEY", ""))));
        runs.put("compare", pool.submit(() -> jshell("compare-modes.jsh", Map.of("RAILGUARD_MODES", "fast,super_fast"))));
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Run finished(String name) throws Exception {
        try {
            return runs.get(name).get(TIMEOUT_SECONDS + 30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** What a script printed and how it ended. */
    record Run(int exitCode, String out, String err) {}

    private static Run jshell(String script, Map<String, String> extraEnv) throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Path logs = root.resolve("samples/target/jshell-runs");
        Files.createDirectories(logs);
        String name = script + (extraEnv.isEmpty() ? "" : "-" + Integer.toHexString(extraEnv.hashCode()));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        // C1 only and the serial collector: the scripts are short, so JVM start-up dominates
        ProcessBuilder pb = new ProcessBuilder(jshell.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-R-XX:TieredStopAtLevel=1", "-R-XX:+UseSerialGC", "--class-path", classPath, "samples/jshell/" + script)
                .directory(root.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("RAILGUARD_") || k.startsWith("OPENAI_"));
        env.put("RAILGUARD_JUDGE_BASE_URL", server.baseUrl());
        env.put("RAILGUARD_JUDGE_API_KEY", "test-key");
        env.put("RAILGUARD_JUDGE_MODEL", "judge-model");
        env.put("RAILGUARD_JUDGE_TIMEOUT_SECONDS", "10");
        env.putAll(extraEnv);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(script + " did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n" + Files.readString(out));
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        // jshell reports compile errors and uncaught exceptions on stderr and carries on: none may occur
        assertThat(run.err()).as("stderr of " + script).doesNotContainPattern("(?m)^(Error:|Exception |\\|  )");
        return run;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "NUL" : "/dev/null");
    }

    @Test
    void every_script_in_samples_jshell_is_checked_by_this_test() throws IOException {
        try (Stream<Path> scripts = Files.list(root.resolve("samples/jshell"))) {
            assertThat(scripts.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsh")))
                    .containsExactlyInAnyOrder("evaluate-one.jsh", "evaluate-file.jsh", "compare-modes.jsh");
        }
    }

    @Test
    void evaluate_one_prints_the_metrics_table_and_the_failing_unit() throws Exception {
        Run run = finished("one");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^correctness +FAIL +0\\.33 +0\\.80  1 of 2 claim units were judged N")
                .containsPattern("(?m)^completeness +PASS +1\\.00 +0\\.70  All 2 ")
                .containsPattern("(?m)^comprehensive_safety +PASS +1\\.00 +1\\.00  ")
                .contains("passed: false   judge calls: 3   tokens: 1620   event: evt_")
                .contains("  N (high) Paris has about 80 million people. -- About 2.1 million.");
    }

    @Test
    void evaluate_file_prints_a_row_per_line_and_a_summary_per_metric() throws Exception {
        Run run = finished("file");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains(
                "evaluating 4 outputs from samples/jshell/data/capitals.jsonl on [correctness, completeness]",
                "france       PASS 1.00              PASS 1.00              yes",
                "australia    FAIL 0.00              PASS 1.00              no",
                "boiling      FAIL 0.45              PASS 1.00              no",
                "population   FAIL 0.00              FAIL 0.33              no",
                "correctness                 1      3      0      0.364",
                "completeness                3      1      0      0.833",
                "outputs passed: 1 of 4   judge calls: 8   tokens: 4320");
    }

    @Test
    void evaluate_file_without_a_judge_says_what_to_set() throws Exception {
        Run run = finished("no-judge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().trim()).isEqualTo(JudgeEnvironment.HOW_TO_CONFIGURE);
    }

    @Test
    void compare_modes_prints_both_modes_side_by_side_or_why_one_is_unavailable() throws Exception {
        List<String> modes = List.of("fast", "super_fast");
        Run run = finished("compare");

        assertThat(run.out()).contains("comparing [fast, super_fast] on 4 outputs");
        // fast: the scripted verdicts, computed by hand
        assertThat(run.out()).containsPattern("(?m)^france +correctness +PASS 1\\.00 ")
                .containsPattern("(?m)^boiling +correctness +FAIL 0\\.45 ")
                .containsPattern("(?m)^population +completeness +FAIL 0\\.33 ")
                .containsPattern("(?m)^fast +1/4 +0\\.598 +8 +4320 ");
        // every mode: what the engine itself returns for the same data through the same stub
        boolean allAvailable = true;
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgeEnvironment.from(
                Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(), "RAILGUARD_JUDGE_MODEL", "judge-model"),
                new Properties()).requirePanel()).build()) {
            List<EvaluationRequest> requests = dataset();
            for (String mode : modes) {
                List<EvaluationResult> results = new ArrayList<>();
                try {
                    for (EvaluationRequest r : requests) {
                        results.add(evaluator.evaluate(r.toBuilder().runMode(RunMode.fromWireName(mode)).build()));
                    }
                } catch (IllegalArgumentException unavailable) {
                    allAvailable = false;
                    assertThat(run.out()).contains("mode " + mode + " is unavailable: " + unavailable.getMessage());
                    assertThat(run.out()).containsPattern("(?m)^" + mode + " +n/a +n/a +n/a +n/a +n/a$");
                    continue;
                }
                long passed = results.stream().filter(EvaluationResult::passed).count();
                assertThat(run.out()).containsPattern("(?m)^" + mode + " +" + passed + "/4 ");
                for (EvaluationResult r : results) {
                    for (MetricResult m : r.metrics().values()) {
                        String cell = m.score().isPresent()
                                ? String.format(Locale.ROOT, "%s %.2f", m.verdict(), m.score().getAsDouble())
                                : m.verdict().toString();
                        assertThat(run.out()).as(mode + " " + r.nametag() + " " + m.metric())
                                .containsPattern("(?m)^" + r.nametag() + " +" + m.metric() + " .*" + Pattern.quote(cell));
                    }
                }
            }
        }
        assertThat(run.exitCode()).isEqualTo(allAvailable ? 0 : 3);
    }

    /** The sample file, read independently of the scripts. */
    private static List<EvaluationRequest> dataset() throws IOException {
        List<EvaluationRequest> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("samples/jshell/data/capitals.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            out.add(EvaluationRequest.builder()
                    .modelInput(ModelInput.builder().systemPrompt(n.path("system_prompt").asText(null))
                            .userPrompt(n.path("user_prompt").asText()).build())
                    .modelOutput(n.path("output").asText()).metrics("correctness", "completeness")
                    .nametag(n.path("id").asText()).build());
        }
        return out;
    }
}
