// Evaluates every line of a JSON-lines file and prints one row per line and a summary per metric.
// Each line: {"id", "user_prompt", "output"} and optionally "system_prompt", "ground_truth", "documents": [...].
// The judge comes from the environment (RAILGUARD_JUDGE_BASE_URL, RAILGUARD_JUDGE_API_KEY, ...); the file from
// RAILGUARD_DATA (default samples/jshell/data/capitals.jsonl), the metrics from RAILGUARD_METRICS
// (default correctness,completeness).
//
// From the repository root, after `mvn -B -q -DskipTests package -pl samples -am`:
//   jshell --class-path "$(cat samples/target/jshell.classpath)" samples/jshell/evaluate-file.jsh

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

/** One line of the file as a request; the id becomes the nametag. */
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
    int n = 0;
    for (String text : Files.readAllLines(file)) {
        n++;
        if (text.isBlank()) continue;
        try {
            out.add(request(json.readTree(text), metrics));
        } catch (Exception e) {
            throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
        }
    }
    return out;
}

String cell(MetricResult m) {
    return m.score().isPresent() ? String.format(Locale.ROOT, "%s %.2f", m.verdict(), m.score().getAsDouble())
            : m.verdict().toString();
}

void printTable(List<EvaluationResult> results, List<String> metrics) {
    StringBuilder header = new StringBuilder(String.format("%-12s", "id"));
    metrics.forEach(m -> header.append(String.format(" %-22s", m)));
    header.append(" passed");
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    for (EvaluationResult r : results) {
        StringBuilder row = new StringBuilder(String.format("%-12s", r.nametag()));
        metrics.forEach(m -> row.append(String.format(" %-22s", cell(r.metric(m)))));
        row.append(" ").append(r.passed() ? "yes" : "no");
        System.out.println(row);
    }
    System.out.println("-".repeat(header.length()));
    System.out.printf("%-22s %6s %6s %6s %10s%n", "metric", "pass", "fail", "error", "mean score");
    for (String m : metrics) {
        List<MetricResult> all = results.stream().map(r -> r.metric(m)).toList();
        long pass = all.stream().filter(x -> x.verdict() == Verdict.PASS).count();
        long fail = all.stream().filter(x -> x.verdict() == Verdict.FAIL).count();
        long error = all.size() - pass - fail;
        OptionalDouble mean = all.stream().filter(x -> x.score().isPresent())
                .mapToDouble(x -> x.score().getAsDouble()).average();
        System.out.printf(Locale.ROOT, "%-22s %6d %6d %6d %10s%n", m, pass, fail, error,
                mean.isPresent() ? String.format(Locale.ROOT, "%.3f", mean.getAsDouble()) : "-");
    }
    Usage usage = results.stream().map(EvaluationResult::usage).reduce(Usage.NONE, Usage::plus);
    long passed = results.stream().filter(EvaluationResult::passed).count();
    System.out.println("outputs passed: " + passed + " of " + results.size() + "   judge calls: "
            + usage.judgeCalls() + "   tokens: " + usage.totalTokens());
}

int run() {
    Optional<JudgePanel> panel = JudgeEnvironment.fromSystem().panel();
    if (panel.isEmpty()) {
        System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE);
        return 2;
    }
    try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel.get()).build()) {
        List<EvaluationRequest> requests = read(data, metrics);
        System.out.println("evaluating " + requests.size() + " outputs from " + data + " on " + metrics);
        System.out.println();
        // submit all, then wait: the evaluator judges them concurrently
        List<EvaluationHandle> handles = requests.stream().map(evaluator::submit).toList();
        List<EvaluationResult> results = handles.stream().map(h -> h.result().join()).toList();
        printTable(results, metrics);
        return 0;
    } catch (Exception e) {
        System.out.println("evaluation failed: " + e.getMessage());
        return 1;
    }
}

/exit run()
