package dev.railguard.samples;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.config.RailguardProject;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchSummary;
import dev.railguard.report.HtmlReport;
import dev.railguard.store.EventStore;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The main job: evaluates the bundled sample dataset (61 events of support, RAG, code, extraction, tutoring, QA,
 * translation and safety answers) as a batch, and writes {@code railguard-out/results.jsonl}, {@code summary.json} and
 * {@code report.html}. Its checks and self-judging policy come from the sample's project file, {@code railguard.yaml}
 * beside the dataset, loaded by {@link RailguardProject} as every entry point loads one. Without a judge it runs every
 * offline check and marks the judged metrics SKIPPED with the message that says how to configure one; with a judge
 * configured ({@link JudgeEnvironment}) it runs everything.
 *
 * <p>Arguments (optional): an input JSON-lines file instead of the sample, and an output directory instead of
 * {@code railguard-out}. A second run with the same output directory resumes: finished events are kept. With
 * {@code RAILGUARD_STORE} (or {@code -Drailguard.store=}) naming a SQLite file or a JDBC URL, every result is also kept
 * in that event store, to query later.
 */
public final class MainJob {

    /** The bundled dataset, a class-path resource next to this class. */
    static final String DATASET = "sample-events.jsonl";

    /** The sample's project file, a class-path resource next to the dataset. */
    static final String PROJECT = "railguard.yaml";

    private MainJob() {}

    /**
     * Runs the job and prints what it did to {@code out}.
     *
     * @param env    the environment variables the judges come from; none set means offline checks only
     * @param input  the JSON-lines events
     * @param outDir where the results, summary and report go; the project file is copied there
     */
    static BatchSummary run(Map<String, String> env, Path input, Path outDir, PrintStream out) {
        return run(env, input, outDir, out, null);
    }

    /** The same, keeping every result in the event store at {@code store} (a file or JDBC URL) when not null. */
    static BatchSummary run(Map<String, String> env, Path input, Path outDir, PrintStream out, String store) {
        RailguardProject project = RailguardProject.load(bundledProject(outDir), env, System.getProperties());
        Optional<JudgePanel> panel = project.panel();
        BatchSummary summary;
        try (RailguardEvaluator evaluator = project.evaluator()) {
            out.println("Railguard main job: evaluating " + input + (panel.isPresent()
                    ? " with judges " + panel.get().all() : " with offline checks only (no judge configured)"));
            summary = BatchEvaluator.builder().evaluator(evaluator).input(input)
                    .output(outDir.resolve("results.jsonl")).summaryFile(outDir.resolve("summary.json"))
                    .maxInFlight(16).log(out).build().run();
        }
        Path report = outDir.resolve("report.html");
        HtmlReport.write(summary, report, project.reportTitle().orElse("Railguard report"),
                HtmlReport.DEFAULT_MAX_EVENTS);
        print(summary, panel.isPresent(), report, out);
        if (store != null && !store.isBlank()) {
            try (EventStore events = EventStore.open(store)) {
                int n = ResultsStore.write(summary.resultsFile(), events, out);
                out.println("stored:  " + n + " events in event store '" + events.dbId() + "' (source "
                        + ResultsStore.SOURCE + ")");
            }
        }
        return summary;
    }

    private static void print(BatchSummary s, boolean judged, Path report, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-24s %5s %5s %6s %8s %10s%n", "metric", "pass", "fail", "error", "skipped",
                "pass rate");
        for (Map.Entry<String, BatchSummary.MetricStats> e : s.metrics().entrySet()) {
            BatchSummary.MetricStats m = e.getValue();
            out.printf(Locale.ROOT, "%-24s %5d %5d %6d %8d %10s%n", e.getKey(), m.pass(), m.fail(), m.error(),
                    m.skipped(), Double.isNaN(m.passRate()) ? "-" : Math.round(m.passRate() * 100) + "%");
        }
        out.println();
        out.printf(Locale.ROOT, "%-24s %6s %6s %5s %5s %6s %8s%n", "nametag", "events", "passed", "pass", "fail",
                "error", "skipped");
        s.nametags().forEach((tag, t) -> out.printf(Locale.ROOT, "%-24s %6d %6d %5d %5d %6d %8d%n", tag, t.events(),
                t.passed(), t.pass(), t.fail(), t.error(), t.skipped()));
        s.skippedLines().stream().limit(10).forEach(l -> out.println("skipped input line " + l.line() + ": "
                + l.reason()));
        if (s.skippedLines().size() > 10) {
            out.println("... and " + (s.skippedLines().size() - 10) + " more skipped lines (see summary.json)");
        }
        out.println();
        out.println("judge calls: " + s.judgeCalls() + ", tokens in/out: " + s.inputTokens() + "/" + s.outputTokens());
        if (!judged) {
            out.println("Judged metrics were SKIPPED. " + JudgeEnvironment.HOW_TO_CONFIGURE);
        }
        out.println("results: " + s.resultsFile().toAbsolutePath());
        out.println("report:  " + report.toAbsolutePath().toUri());
    }

    /** The bundled dataset, copied to {@code outDir} so that it can be read as a file and resumed. */
    static Path bundledDataset(Path outDir) {
        return copy(DATASET, outDir);
    }

    /** The sample's project file, copied to {@code outDir} beside the dataset it names. */
    static Path bundledProject(Path outDir) {
        return copy(PROJECT, outDir);
    }

    /** The class-path resource {@code name} next to this class, copied to {@code outDir}. */
    private static Path copy(String name, Path outDir) {
        try (InputStream in = MainJob.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path of " + MainJob.class);
            }
            Files.createDirectories(outDir);
            Path copy = outDir.resolve(name);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + name + " to " + outDir, e);
        }
    }

    /** Runs the job: {@code [input.jsonl [output-directory]]}. */
    public static void main(String... args) {
        // the embedding runtime warns about missing GPUs on every CPU-only machine; keep the first run readable
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        }
        Path outDir = Path.of(args.length > 1 ? args[1] : "railguard-out");
        Path input = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : bundledDataset(outDir);
        String store = System.getProperty("railguard.store", System.getenv("RAILGUARD_STORE"));
        run(System.getenv(), input, outDir, System.out, store);
    }
}
