package dev.railguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.Checks;
import dev.railguard.api.RunMode;
import dev.railguard.api.Thresholds;
import dev.railguard.api.Verdict;
import dev.railguard.batch.ResultsFile;
import dev.railguard.format.ResultLine;
import dev.railguard.cli.internal.BatchApiOptions;
import dev.railguard.cli.internal.CliFailure;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.cli.internal.JudgeOptions;
import dev.railguard.cli.internal.OptionCheck;
import dev.railguard.cli.internal.Overrides;
import dev.railguard.cli.internal.RunGates;
import dev.railguard.config.ProjectDataset;
import dev.railguard.config.RailguardProject;
import dev.railguard.cli.internal.Style;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchSummary;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.report.HtmlReport;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.config.JudgeEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code railguard eval EVENTS.jsonl}: evaluates a file of events and writes results, summary and report. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"Evaluate a JSON-lines file of events (DeepRails event shape: model_input, model_output,"
                + " guardrail_metrics, run_mode, nametag, id) and write results.jsonl, summary.json and report.html to"
                + " the output directory.",
                "stdout: the per-metric table and the paths of the files written (or, with --json, the summary as"
                        + " one JSON document). Progress and skipped-line notes go to stderr: a progress bar on a"
                        + " terminal, plain lines otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard eval events.jsonl",
                "  railguard eval events.jsonl --out run-2 --metrics correctness,pii --run-mode precision",
                "  railguard eval events.jsonl --fail-under correctness=0.9 --fail-under pii=1.0   # CI gate",
                "  railguard eval events.jsonl --out run-2 --resume --cache-dir ~/.cache/railguard",
                "  railguard eval events.jsonl --offline          # offline checks only, judged metrics SKIPPED",
                "",
                "Exit codes: 0 ok; 1 a --fail-under gate failed; 2 usage error; 3 a metric result is ERROR (judge"
                        + " problem), or judged metrics were SKIPPED because no judge is configured (without"
                        + " --offline), or a judge setting is invalid."})
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    RailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EVENTS.jsonl",
            description = "The events, one JSON object a line (default: the datasets of the project file).")
    Path events;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Only this dataset of the project file (default: all of them).")
    String dataset;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Directory for results.jsonl, summary.json and report.html, one subdirectory per dataset when"
                    + " the project file has several (default: the file's output.dir, else railguard-out).")
    Path out;

    @Option(names = {"-m", "--metrics"}, paramLabel = "METRIC", split = ",",
            description = "Metrics of every event, replacing each event's guardrail_metrics (default: the event's"
                    + " own). 'railguard metrics' lists them.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--run-mode", paramLabel = "MODE",
            description = "Run mode of every event, replacing each event's run_mode: one of ${COMPLETION-CANDIDATES}"
                    + " (default: the event's own, else fast).",
            completionCandidates = RunModes.class)
    String runMode;

    @Option(names = {"-t", "--threshold"}, paramLabel = "METRIC=VALUE",
            description = "Pass threshold of a metric, in [0, 1], over the event's own; repeatable.")
    Map<String, Double> thresholds = new LinkedHashMap<>();

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "16",
            description = "Events evaluated at once, 1..10000 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--resume", description = "Keep the results already in the output directory for unchanged event"
            + " lines and evaluate only the rest (default: start over, replacing results.jsonl).")
    boolean resume;

    @Option(names = "--fail-under", paramLabel = "METRIC=RATE",
            description = "CI gate: exit 1 when METRIC's pass rate (PASS over PASS, FAIL and ERROR) is below RATE, in"
                    + " [0, 1]; repeatable. A metric with no decided result fails its gate.")
    Map<String, Double> failUnder = new LinkedHashMap<>();

    @Option(names = "--max-skipped", paramLabel = "N",
            description = "CI gate: exit 1 when more than N input lines are skipped (default: the file's max_skipped;"
                    + " without one, only when every line is skipped).")
    Integer maxSkipped;

    @Option(names = "--offline", description = "Without a judge, run the offline checks and mark judged metrics"
            + " SKIPPED (exit 0) instead of stopping with exit code 3.")
    boolean offline;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: a bar on a"
                    + " terminal, plain lines otherwise).")
    BatchEvaluator.Progress progress;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "Title of report.html (default: the file's output.title, else Railguard report).")
    String title;

    @Option(names = "--json", description = "Print the summary as one JSON document instead of the table.")
    boolean json;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep judge replies in this directory, so that a run of the same events asks again only"
                    + " what changed (default: in memory only).")
    Path cacheDir;

    @Mixin
    BatchApiOptions batchOptions;

    @Mixin
    JudgeOptions judge;

    @Mixin
    CommonOptions common;

    /** One input to evaluate: a file of DeepRails events, or a dataset of the project file. */
    private record Input(String name, Path dir, ProjectDataset dataset, Path file) {}

    @Override
    public Integer call() {
        RunMode mode = validate();
        Optional<RailguardProject> project = common.project(root.env(), judge.properties());
        List<Input> inputs = inputs(project);
        RunGates gates = new RunGates(project.map(p -> p.gates().failUnder()).orElse(Map.of()),
                project.map(p -> p.gates().maxSkipped()).orElse(OptionalInt.empty()), failUnder, maxSkipped);
        JudgeEnvironment judges = judge.environment(root.env());
        boolean judgeConfigured = project.map(p -> p.panel().isPresent()).orElse(judges.configured());
        String reportTitle = title != null ? title : project.flatMap(RailguardProject::reportTitle)
                .orElse("Railguard report");
        BatchApi batch;
        try { // several datasets: one job file in the directory above theirs
            batch = batchOptions.batchApi(project, judges, inputs.stream().map(Input::file).toList(),
                    inputs.size() == 1 ? inputs.get(0).dir() : inputs.get(0).dir().getParent(), resume, root.err());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int window = batch != null && !spec.commandLine().getParseResult().hasMatchedOption("--concurrency")
                ? 10_000 : concurrency; // with a batch API, the whole file in one round
        CliFailure first = null;
        try (RailguardEvaluator evaluator = evaluator(project, judges, batch);
             Overrides overrides = new Overrides(evaluator, project.isPresent() ? project.get()::withThresholds
                     : r -> r, metrics, mode, thresholds)) {
            known("--metrics", metrics, evaluator.metricNames());
            known("--threshold", thresholds.keySet(), evaluator.metricNames());
            known("--fail-under", gates.failUnder().keySet(), evaluator.metricNames());
            for (Input in : inputs) {
                if (inputs.size() > 1) {
                    root.err().println("railguard eval: dataset " + in.name() + " -> " + in.dir());
                }
                try {
                    run(in, overrides, project.flatMap(RailguardProject::runMode), gates, judgeConfigured, reportTitle,
                            window);
                } catch (CliFailure f) {
                    if (inputs.size() > 1) {
                        root.err().println("railguard eval: dataset " + in.name() + ": " + f.getMessage());
                    }
                    first = first == null || f.exitCode() == RailguardCommand.GATE_FAILED ? f : first;
                }
            }
        }
        if (first != null) {
            throw inputs.size() > 1 ? new CliFailure(first.exitCode(), "dataset failed: " + first.getMessage(), first)
                    : first;
        }
        return RailguardCommand.OK;
    }

    private RailguardEvaluator evaluator(Optional<RailguardProject> project, JudgeEnvironment judges, BatchApi batch) {
        if (project.isEmpty()) {
            return judge.evaluator(judges, cacheDir, batch);
        }
        RailguardEvaluator.Builder b = project.get().evaluatorBuilder();
        if (cacheDir != null) {
            b.cacheDirectory(cacheDir);
        }
        if (batch != null) {
            b.batchApi(batch);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, e.getMessage(), e);
        }
    }

    private List<Input> inputs(Optional<RailguardProject> project) {
        Path base = out != null ? out : project.flatMap(RailguardProject::outputDirectory)
                .orElse(Path.of("railguard-out"));
        if (events != null) {
            if (!Files.isRegularFile(events)) {
                throw new ParameterException(spec.commandLine(), "EVENTS.jsonl: file does not exist: " + events);
            }
            return List.of(new Input(events.getFileName().toString(), base, null, events));
        }
        if (project.isEmpty() || project.get().datasets().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "EVENTS.jsonl is required: give a file of events, or a"
                    + " project file (--config, or railguard.yaml here) that declares datasets");
        }
        List<ProjectDataset> chosen = dataset != null ? List.of(project.get().dataset(dataset))
                : project.get().datasets();
        return chosen.stream().map(d -> new Input(d.name(), chosen.size() == 1 ? base : base.resolve(d.name()), d,
                d.path())).toList();
    }

    private void run(Input in, Overrides evaluator, Optional<RunMode> fileRunMode, RunGates gates,
            boolean judgeConfigured, String reportTitle, int window) {
        Path results = in.dir().resolve("results.jsonl");
        Path summaryFile = in.dir().resolve("summary.json");
        Path report = in.dir().resolve("report.html");
        try {
            Files.createDirectories(in.dir());
            if (!resume && Files.deleteIfExists(results)) {
                root.err().println("railguard eval: replacing " + results + " (--resume keeps it)");
            }
        } catch (IOException e) {
            throw new CliFailure(RailguardCommand.USAGE, "--out: could not use the directory " + in.dir() + ": "
                    + e.getMessage(), e);
        }
        BatchEvaluator.Builder batch = BatchEvaluator.builder().evaluator(evaluator).input(in.file());
        fileRunMode.ifPresent(batch::defaultRunMode);
        if (in.dataset() != null) {
            in.dataset().applyTo(batch);
        }
        BatchSummary summary = batch.output(results).summaryFile(summaryFile).maxInFlight(window)
                .progress(progress).log(root.err()).build().run();
        HtmlReport.write(summary, report, reportTitle, HtmlReport.DEFAULT_MAX_EVENTS);
        List<String> gate = gates.rateFailures(summary);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(jsonSummary(summaryFile, results, report, gate));
        } else {
            printTable(o, summary, gates.failUnder(), results, summaryFile, report);
        }
        o.flush();
        gates.inputFailure(summary).ifPresent(why -> {
            throw new CliFailure(RailguardCommand.GATE_FAILED, why);
        });
        exitCode(summary, results, gate, judgeConfigured, gates.maxSkipped().isPresent());
    }

    private RunMode validate() {
        OptionCheck.of(spec.commandLine(), () -> {
            if (maxSkipped != null) {
                Checks.atLeast(maxSkipped, 0, "--max-skipped");
            }
            Checks.between(concurrency, 1, 10_000, "--concurrency");
        });
        rates("--threshold", thresholds);
        rates("--fail-under", failUnder);
        if (runMode == null) {
            return null;
        }
        try {
            return RunMode.fromWireName(runMode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--run-mode must be one of " + RunMode.wireNames()
                    + ", but was: '" + runMode + "'");
        }
    }

    private void known(String option, java.util.Collection<String> names, java.util.Set<String> installed) {
        List<String> unknown = names.stream().filter(m -> !installed.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": unknown metric " + unknown
                    + "; installed metrics are " + new TreeSet<>(installed));
        }
    }

    private void rates(String option, Map<String, Double> values) {
        values.forEach((metric, v) -> OptionCheck.of(spec.commandLine(),
                () -> Thresholds.check(v == null ? Double.NaN : v, option + " " + metric)));
    }

    private void exitCode(BatchSummary s, Path results, List<String> gate, boolean judgeConfigured,
            boolean skipsAllowed) {
        long skipped = s.metrics().values().stream().mapToLong(BatchSummary.MetricStats::skipped).sum();
        if (skipped > 0 && !judgeConfigured && !offline) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, skipped + " judged metric results were SKIPPED"
                    + " because no judge is configured: set RAILGUARD_JUDGE_BASE_URL and RAILGUARD_JUDGE_API_KEY (or"
                    + " --judge-base-url, or judges in railguard.yaml), or pass --offline to run the offline checks"
                    + " only");
        }
        if (!s.skippedLines().isEmpty() && !skipsAllowed) {
            // without max_skipped, a gate over part of the input is not trusted: a refused line (a model judging itself, an unknown
            // metric, bad JSON) says so in the exit code, not only on stderr
            BatchSummary.SkippedLine first = s.skippedLines().get(0);
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, s.skippedLines().size() + " input line(s) were"
                    + " skipped and not evaluated; first: line " + first.line() + ": " + first.reason());
        }
        if (s.metricErrors() > 0 || s.failedEvents() > 0) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, s.metricErrors() + " metric results are ERROR and "
                    + s.failedEvents() + " events failed; first: " + firstError(results) + " (see " + results + ")");
        }
        if (!gate.isEmpty()) {
            throw new CliFailure(RailguardCommand.GATE_FAILED, "gate failed: " + String.join("; ", gate));
        }
    }

    private static String firstError(Path results) {
        for (ResultLine r : ResultsFile.read(results).values()) {
            if (r.errorMessage() != null) {
                return "line " + r.line() + ": " + r.errorMessage();
            }
            for (Map.Entry<String, ResultLine.MetricLine> m : r.metrics().entrySet()) {
                if (m.getValue().verdict() == Verdict.ERROR) {
                    return m.getKey() + " on line " + r.line() + ": " + m.getValue().rationale();
                }
            }
        }
        return "(no error record found)";
    }

    private String jsonSummary(Path summaryFile, Path results, Path report, List<String> gate) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode s = (ObjectNode) json.readTree(summaryFile.toFile());
            s.put("summary_file", summaryFile.toString()).put("report_file", report.toString());
            s.put("results_file", results.toString());
            var g = s.putArray("gate_failures");
            gate.forEach(g::add);
            return json.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + summaryFile, e);
        }
    }

    private void printTable(PrintWriter o, BatchSummary s, Map<String, Double> failUnder, Path results,
            Path summaryFile, Path report) {
        Style style = Style.of(root.env(), common.noColor(), System.console() != null);
        o.printf(Locale.ROOT, "%-28s %6s %6s %6s %8s %10s%n", "metric", "pass", "fail", "error", "skipped", "pass rate");
        s.metrics().forEach((name, m) -> {
            String rate = Double.isNaN(m.passRate()) ? "-" : Math.round(m.passRate() * 1000) / 10.0 + "%";
            String cell = String.format(Locale.ROOT, "%10s", rate);
            Double min = failUnder.get(name);
            boolean low = min != null && (Double.isNaN(m.passRate()) || m.passRate() < min);
            o.printf(Locale.ROOT, "%-28s %6d %6d %6d %8d %s%n", name, m.pass(), m.fail(), m.error(), m.skipped(),
                    low ? style.bad(cell) : cell);
        });
        o.printf(Locale.ROOT, "%s; skipped input lines: %d, judge calls: %d%n", s.headline(), s.skippedLines().size(),
                s.judgeCalls());
        o.printf(Locale.ROOT, "judge tokens: %d in (%d cached), %d out; cost %.4f (synchronously: %.4f)%n",
                s.inputTokens(), s.cachedInputTokens(), s.outputTokens(), s.cost(), s.synchronousCost());
        o.println("results: " + results);
        o.println("summary: " + summaryFile);
        o.println("report:  " + report);
    }

    /** The run modes, for help and completion. */
    static final class RunModes extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        RunModes() {
            super(RunMode.wireNames());
        }
    }
}
