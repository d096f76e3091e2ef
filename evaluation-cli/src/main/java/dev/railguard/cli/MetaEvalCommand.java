package dev.railguard.cli;

import dev.railguard.cli.internal.CliFailure;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.cli.internal.JudgeOptions;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.PriceTable;
import dev.railguard.metaeval.MetaEvaluation;
import dev.railguard.metaeval.MetaEvaluationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code railguard meta-eval DATASET}: how far can the configured judges be trusted on labelled data? */
@Command(name = "meta-eval", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"Measure the configured judges against a labelled data set (Railguard's format, HaluEval QA,"
                + " TruthfulQA, RAGTruth): agreement with the labels per metric and run mode, repeat stability, cost;"
                + " writes meta-eval.json and meta-eval.html.",
                "Several models in --judge-model (comma-separated) are measured as separate panels, in order.",
                "stdout: the report's table and the line naming the files written. Progress goes to stderr."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard meta-eval qa_data.json --format halueval_qa --limit 200 --repeats 2",
                "  railguard meta-eval labels.jsonl --modes fast,precision --judge-model gpt-4o-mini,gpt-4o",
                "  railguard meta-eval response.jsonl --format ragtruth --source-info source_info.jsonl",
                "",
                "Every case costs real judge calls: cases x repeats x calls per evaluation, per mode and panel.",
                "Exit codes: 0 ok; 2 usage error (bad option, missing or unreadable data set); 3 no judge configured"
                        + " or a bad judge setting."})
final class MetaEvalCommand implements Runnable {

    @ParentCommand
    RailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "The labelled data set.")
    Path dataset;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "railguard",
            description = "Format of DATASET: railguard, halueval_qa, halueval_general, truthfulqa or ragtruth (default:"
                    + " ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--source-info", paramLabel = "FILE",
            description = "RAGTruth's source_info.jsonl (required with --format ragtruth).")
    Path sourceInfo;

    @Option(names = "--modes", paramLabel = "MODE[,MODE...]", defaultValue = "fast",
            description = "Run modes to measure, comma-separated (default: ${DEFAULT-VALUE}).")
    String modes;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "" + MetaEvaluation.DEFAULT_REPEATS,
            description = "Evaluations of each case per mode, 1..20 (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + MetaEvaluation.DEFAULT_SEED,
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Use only the first N cases; 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "railguard-out/meta-eval",
            description = "Directory for meta-eval.json and meta-eval.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    JudgeOptions judge;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        common.checkProject();
        if (!Files.isRegularFile(dataset)) {
            throw new ParameterException(spec.commandLine(), "DATASET: file does not exist: " + dataset);
        }
        MetaEvaluationOptions options;
        try {
            MetaEvaluationOptions.Builder b = MetaEvaluationOptions.builder().dataset(dataset).format(format)
                    .modes(modes).repeats(repeats).seed(seed).out(out).limit(limit);
            if (sourceInfo != null) {
                b.sourceInfo(sourceInfo);
            }
            options = b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        JudgeEnvironment base = judge.environment(root.env());
        if (!base.configured()) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, JudgeEnvironment.HOW_TO_CONFIGURE);
        }
        Map<String, JudgePanel> panels = new LinkedHashMap<>();
        PriceTable prices;
        try {
            prices = base.prices();
            List<String> models = base.models(JudgeTier.STANDARD);
            if (models.size() == 1) {
                panels.put(models.get(0), base.requirePanel());
            } else {
                for (String model : models) { // one panel per model, to compare judges
                    Properties p = new Properties();
                    p.setProperty("railguard.judge.model", model);
                    for (JudgeTier tier : JudgeTier.values()) {
                        p.setProperty("railguard.judge.model." + tier.name().toLowerCase(java.util.Locale.ROOT),
                                model);
                    }
                    panels.put(model, judgeFor(p).requirePanel());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, e.getMessage(), e);
        }
        try {
            MetaEvaluation.run(options, panels, prices, judge::selfJudging, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "DATASET: " + e.getMessage());
        }
    }

    /** The judge configuration with {@code overrides} over the command's own options and the environment. */
    private JudgeEnvironment judgeFor(Properties overrides) {
        Properties p = judge.properties();
        p.putAll(overrides);
        return JudgeEnvironment.from(root.env(), p);
    }
}
