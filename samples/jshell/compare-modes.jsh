// Evaluates the same JSON-lines file in two run modes and prints them side by side: verdict and score per output
// and metric, then pass counts, mean scores, judge calls, tokens and time per mode. A mode the engine or the
// configured judges cannot serve is reported with the reason, and the other mode still runs.
// The judge comes from the environment (RAILGUARD_JUDGE_BASE_URL, RAILGUARD_JUDGE_API_KEY, ...); the modes from
// RAILGUARD_MODES (default fast,super_fast), the file from RAILGUARD_DATA, the metrics from RAILGUARD_METRICS.
//
// From the repository root, after `mvn -B -q -DskipTests package -pl samples -am`:
//   RAILGUARD_MODES=fast,precision jshell --class-path "$(cat samples/target/jshell.classpath)" samples/jshell/compare-modes.jsh

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.*;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import java.nio.file.*;
import java.util.*;

String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.trim();
}

Path data = Path.of(env("RAILGUARD_DATA", "samples/jshell/data/capitals.jsonl"));
List<String> metrics = List.of(env("RAILGUARD_METRICS", "correctness,completeness").split("\\s*,\\s*"));
List<String> modes = List.of(env("RAILGUARD_MODES", "fast,super_fast").split("\\s*,\\s*"));

EvaluationRequest request(JsonNode line, List<String> metrics) {
    ModelInput.Builder input = ModelInput.builder()
            .systemPrompt(line.path("system_prompt").asText(null))
            .userPrompt(line.path("user_prompt").asText(null))
            .groundTruth(line.path("ground_truth").asText(null));
    line.path("documents").forEach(d -> input.addDocuments(d.asText()));
    return EvaluationRequest.builder().modelInput(input.build()).modelOutput(line.path("output").asText(""))
            .metrics(metrics).nametag(line.path("id").asText()).build();
}

List<EvaluationRequest> read(Path file, List<String> metrics) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<EvaluationRequest> out = new ArrayList<>();
    for (String text : Files.readAllLines(file)) {
        if (!text.isBlank()) out.add(request(json.readTree(text), metrics));
    }
    return out;
}

/** The results of one mode, or why it could not run. */
record ModeRun(String mode, List<EvaluationResult> results, String unavailable, long millis) {}

ModeRun runMode(RailguardEvaluator evaluator, String mode, List<EvaluationRequest> requests) {
    long start = System.nanoTime();
    try {
        RunMode runMode = RunMode.fromWireName(mode);
        List<EvaluationHandle> handles = new ArrayList<>();
        for (EvaluationRequest r : requests) {
            handles.add(evaluator.submit(r.toBuilder().runMode(runMode).build()));
        }
        List<EvaluationResult> results = handles.stream().map(h -> h.result().join()).toList();
        return new ModeRun(mode, results, null, (System.nanoTime() - start) / 1_000_000);
    } catch (IllegalArgumentException e) {
        return new ModeRun(mode, List.of(), e.getMessage(), 0);
    }
}

String cell(ModeRun run, int i, String metric) {
    if (run.unavailable() != null) return "n/a";
    MetricResult m = run.results().get(i).metric(metric);
    return m.score().isPresent() ? String.format(Locale.ROOT, "%s %.2f", m.verdict(), m.score().getAsDouble())
            : m.verdict().toString();
}

void print(List<EvaluationRequest> requests, List<ModeRun> runs) {
    for (ModeRun run : runs) {
        if (run.unavailable() != null) {
            System.out.println("mode " + run.mode() + " is unavailable: " + run.unavailable());
        }
    }
    StringBuilder header = new StringBuilder(String.format("%-12s %-22s", "id", "metric"));
    runs.forEach(r -> header.append(String.format(" %-14s", r.mode())));
    header.append(" agree");
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    for (int i = 0; i < requests.size(); i++) {
        for (String metric : metrics) {
            StringBuilder row = new StringBuilder(String.format("%-12s %-22s", requests.get(i).nametag(), metric));
            Set<String> verdicts = new HashSet<>();
            for (ModeRun run : runs) {
                String c = cell(run, i, metric);
                row.append(String.format(" %-14s", c));
                verdicts.add(c.split(" ")[0]);
            }
            row.append(" ").append(verdicts.contains("n/a") ? "-" : verdicts.size() == 1 ? "yes" : "no");
            System.out.println(row);
        }
    }
    System.out.println("-".repeat(header.length()));
    System.out.printf("%-14s %8s %10s %12s %8s %8s%n", "mode", "passed", "mean score", "judge calls", "tokens", "ms");
    for (ModeRun run : runs) {
        if (run.unavailable() != null) {
            System.out.printf("%-14s %8s %10s %12s %8s %8s%n", run.mode(), "n/a", "n/a", "n/a", "n/a", "n/a");
            continue;
        }
        long passed = run.results().stream().filter(EvaluationResult::passed).count();
        OptionalDouble mean = run.results().stream().flatMap(r -> r.metrics().values().stream())
                .filter(m -> m.score().isPresent()).mapToDouble(m -> m.score().getAsDouble()).average();
        Usage usage = run.results().stream().map(EvaluationResult::usage).reduce(Usage.NONE, Usage::plus);
        System.out.printf(Locale.ROOT, "%-14s %8s %10s %12d %8d %8d%n", run.mode(), passed + "/" + run.results().size(),
                mean.isPresent() ? String.format(Locale.ROOT, "%.3f", mean.getAsDouble()) : "-",
                usage.judgeCalls(), usage.totalTokens(), run.millis());
    }
}

int run() {
    Optional<JudgePanel> panel = JudgeEnvironment.fromSystem().panel();
    if (panel.isEmpty()) {
        System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE);
        return 2;
    }
    try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel.get()).build()) {
        List<EvaluationRequest> requests = read(data, metrics);
        System.out.println("comparing " + modes + " on " + requests.size() + " outputs from " + data + " on " + metrics);
        System.out.println();
        List<ModeRun> runs = new ArrayList<>();
        for (String mode : modes) {
            runs.add(runMode(evaluator, mode, requests));
        }
        print(requests, runs);
        return runs.stream().allMatch(r -> r.unavailable() == null) ? 0 : 3;
    } catch (Exception e) {
        System.out.println("comparison failed: " + e.getMessage());
        return 1;
    }
}

/exit run()
