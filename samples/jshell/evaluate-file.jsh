// Evaluates every line of a JSON-lines file and prints one row per line and a summary per metric.
// Each line: {"id", "user_prompt", "output"} and optionally "system_prompt", "ground_truth", "documents": [...], as the
// columns of the capitals dataset in samples/jshell/railguard.yaml map them (RailguardProject reads it, as every entry
// point does). The judge comes from the environment (RAILGUARD_JUDGE_BASE_URL, RAILGUARD_JUDGE_API_KEY, ...); the file
// from RAILGUARD_DATA (default: the dataset's, samples/jshell/data/capitals.jsonl), the metrics from RAILGUARD_METRICS
// (default: the dataset's, correctness,completeness).
//
// From the repository root, after `mvn -B -q -DskipTests package -pl samples -am`:
//   jshell --class-path "$(cat samples/target/jshell.classpath)" samples/jshell/evaluate-file.jsh

import dev.railguard.api.*;
import dev.railguard.batch.MappedInput;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.config.ProjectDataset;
import dev.railguard.config.RailguardProject;
import dev.railguard.engine.RailguardEvaluator;
import java.nio.file.*;
import java.util.*;

String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.trim();
}

RailguardProject project = RailguardProject.load(Path.of("samples/jshell/railguard.yaml"));
ProjectDataset capitals = project.dataset("capitals");
String data = env("RAILGUARD_DATA", "samples/jshell/data/capitals.jsonl");
List<String> metrics = List.of(env("RAILGUARD_METRICS", String.join(",", capitals.metrics())).split("\\s*,\\s*"));

/** The lines of the file as requests, read through the dataset's columns; a bad line stops with its number. */
List<EvaluationRequest> read(Path file, List<String> metrics) {
    List<EvaluationRequest> out = new ArrayList<>();
    for (MappedInput.Row row : MappedInput.rows(file, capitals.format(), capitals.columns().orElseThrow(), metrics,
            RunMode.FAST)) {
        if (row.problem() != null) {
            throw new IllegalArgumentException(file + " line " + row.line() + ": " + row.problem());
        }
        out.add(row.input().request());
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
    if (project.panel().isEmpty()) {
        System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE);
        return 2;
    }
    try (RailguardEvaluator evaluator = project.evaluator()) {
        List<EvaluationRequest> requests = read(Path.of(data), metrics);
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
