package dev.railguard.cli.internal;

import dev.railguard.api.Checks;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.config.JudgeEnvironment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The judge settings of a command: options that win over the {@code RAILGUARD_JUDGE_*} environment variables
 * ({@link JudgeEnvironment}). The API key is read from the environment only, never from the command line (where
 * {@code ps} and shell history would show it).
 */
public final class JudgeOptions {

    /** The switch that allows self-judging, as refusals quote it. */
    public static final String ALLOW_SELF_JUDGING = "--allow-self-judging";

    @Option(names = "--judge-base-url", paramLabel = "URL",
            description = "OpenAI-compatible endpoint of the judges (default: RAILGUARD_JUDGE_BASE_URL, OPENAI_BASE_URL,"
                    + " or https://api.openai.com/v1 when only a key is set). The key comes from RAILGUARD_JUDGE_API_KEY"
                    + " or OPENAI_API_KEY.")
    String baseUrl;

    @Option(names = "--judge-model", paramLabel = "MODEL",
            description = "Model of every judge tier (default: RAILGUARD_JUDGE_MODEL, or gpt-4o-mini).")
    String model;

    @Option(names = ALLOW_SELF_JUDGING,
            description = "Let a judge evaluate outputs of its own model (the event's model_used) when no other judge"
                    + " of the tier is available; every affected result carries a WARNING. Default: such events are"
                    + " refused and skipped with the reason.")
    boolean allowSelfJudging;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--judge-timeout", paramLabel = "SECONDS",
            description = "Timeout of one judge call in seconds (default: RAILGUARD_JUDGE_TIMEOUT_SECONDS, or 60).")
    Integer timeoutSeconds;

    /** The judge configuration: these options over {@code env}. */
    public JudgeEnvironment environment(Map<String, String> env) {
        return JudgeEnvironment.from(env, properties());
    }

    /** These options as {@code railguard.judge.*} properties. */
    public Properties properties() {
        Properties p = new Properties();
        if (baseUrl != null) {
            p.setProperty("railguard.judge.baseUrl", baseUrl);
        }
        if (model != null) {
            p.setProperty("railguard.judge.model", model);
        }
        if (timeoutSeconds != null) {
            OptionCheck.of(mixee.commandLine(), () -> Checks.atLeast(timeoutSeconds, 1, "--judge-timeout (seconds)"));
            p.setProperty("railguard.judge.timeoutSeconds", String.valueOf(timeoutSeconds));
        }
        return p;
    }

    /** The self-judging policy of {@link #ALLOW_SELF_JUDGING}, and refusals that name it, on {@code b}. */
    public RailguardEvaluator.Builder selfJudging(RailguardEvaluator.Builder b) {
        return b.selfJudging(policy()).howToAllowSelfJudging(ALLOW_SELF_JUDGING);
    }

    /** What {@link #ALLOW_SELF_JUDGING} says. */
    public SelfJudging policy() {
        return allowSelfJudging ? SelfJudging.ALLOW_WITH_WARNING : SelfJudging.REFUSE;
    }

    /**
     * An evaluator of the installed metrics with the configured judges; without a judge, judged metrics are SKIPPED
     * with the message that says how to configure one. Judge replies are cached in {@code cacheDir} when it is not
     * null.
     *
     * @throws CliFailure (exit 3) when a judge setting is invalid
     */
    public RailguardEvaluator evaluator(JudgeEnvironment judges, Path cacheDir) {
        return evaluator(judges, cacheDir, null);
    }

    /**
     * {@link #evaluator(JudgeEnvironment, Path)} whose judge calls go through {@code batchApi} when it is not null.
     *
     * @throws CliFailure (exit 2) when the batch job file cannot be resumed (another input, another provider)
     */
    public RailguardEvaluator evaluator(JudgeEnvironment judges, Path cacheDir, BatchApi batchApi) {
        Optional<JudgePanel> panel;
        try {
            panel = judges.panel();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(3, e.getMessage(), e);
        }
        RailguardEvaluator.Builder b = selfJudging(RailguardEvaluator.builder().metrics(MetricRegistry.installed()));
        if (panel.isPresent()) {
            try {
                b.judges(panel.get()).prices(judges.prices());
            } catch (IllegalArgumentException e) {
                throw new CliFailure(3, e.getMessage(), e);
            }
        } else {
            b.skipJudgedMetricsWhenNoJudge(JudgeEnvironment.HOW_TO_CONFIGURE);
        }
        if (cacheDir != null) {
            b.cacheDirectory(cacheDir);
        }
        if (batchApi == null) {
            return b.build();
        }
        try {
            return b.batchApi(batchApi).build();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, e.getMessage(), e);
        }
    }
}
