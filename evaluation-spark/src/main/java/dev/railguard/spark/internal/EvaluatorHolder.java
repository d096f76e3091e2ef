package dev.railguard.spark.internal;

import dev.railguard.engine.JudgeLimits;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.Judge;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.spark.SparkEvaluationSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * One evaluator per spec per executor JVM, shared by the tasks of that spec (so the judge budget holds per executor),
 * built on first use and closed by a shutdown hook when the JVM ends.
 */
public final class EvaluatorHolder {

    /** How a Spark user allows self-judging, as a refused row's reason names it. */
    static final String HOW_TO_ALLOW_SELF_JUDGING =
            "SparkEvaluationSpec.builder().evaluatorSettings(RailguardEvaluator.builder()"
                    + ".selfJudging(SelfJudging.ALLOW_WITH_WARNING).settings())";

    private static final Map<String, RailguardEvaluator> EVALUATORS = new ConcurrentHashMap<>();

    static {
        Thread hook = new Thread(EvaluatorHolder::closeAll, "railguard-evaluators-close");
        hook.setDaemon(true);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private EvaluatorHolder() {}

    /**
     * The evaluator of {@code spec} in this JVM, built on first use.
     *
     * @throws IllegalStateException when no judge is configured on this executor and the spec does not skip
     */
    public static RailguardEvaluator evaluator(SparkEvaluationSpec spec) {
        return EVALUATORS.computeIfAbsent(spec.id(), id -> build(spec, sparkConf()));
    }

    /** Closes every evaluator of this JVM (running evaluations end CANCELED); the next task builds a new one. */
    public static void closeAll() {
        for (String id : EVALUATORS.keySet()) {
            RailguardEvaluator e = EVALUATORS.remove(id);
            if (e != null) {
                e.close();
            }
        }
    }

    private static Optional<SparkConf> sparkConf() {
        SparkEnv env = SparkEnv.get();
        return env == null ? Optional.empty() : Optional.of(env.conf());
    }

    /** The judge configuration on this executor: its environment, its system properties, the spec, the conf key. */
    static JudgeEnvironment judgeEnvironment(SparkEvaluationSpec spec, Map<String, String> environment,
            Properties systemProperties, Optional<SparkConf> conf) {
        Properties p = new Properties();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith("railguard.judge.")) {
                p.setProperty(name, systemProperties.getProperty(name));
            }
        }
        spec.judgeSettings().forEach((k, v) -> p.setProperty("railguard.judge." + k, v));
        if (spec.apiKeyConfKey().isPresent() && conf.isPresent()) {
            String key = conf.get().get(spec.apiKeyConfKey().get(), null);
            if (key != null && !key.isBlank()) {
                p.setProperty("railguard.judge.apiKey", key);
            }
        }
        return JudgeEnvironment.from(environment, p);
    }

    static RailguardEvaluator build(SparkEvaluationSpec spec, Optional<SparkConf> conf) {
        RailguardEvaluator.Builder b = RailguardEvaluator.builder()
                .metrics(spec.metricRegistry().get())
                .settings(spec.evaluatorSettings());
        Optional<JudgePanel> panel;
        if (spec.judges().isPresent()) {
            panel = Optional.of(spec.judges().get().get());
        } else {
            JudgeEnvironment environment = judgeEnvironment(spec, System.getenv(), System.getProperties(), conf);
            panel = environment.panel();
            if (panel.isPresent()) {
                b.prices(environment.prices());
            }
        }
        if (panel.isPresent()) {
            b.judges(panel.get());
            for (Judge j : panel.get().all()) {
                JudgeLimits limits = JudgeLimits.ofConcurrency(spec.concurrencyPerExecutor());
                if (spec.requestsPerMinutePerExecutor() > 0) {
                    limits = limits.withRequestsPerMinute(spec.requestsPerMinutePerExecutor());
                }
                if (spec.tokensPerMinutePerExecutor() > 0) {
                    limits = limits.withTokensPerMinute(spec.tokensPerMinutePerExecutor());
                }
                b.judgeLimits(j.name(), limits);
            }
        } else if (spec.skipJudgedMetricsWhenNoJudge()) {
            b.skipJudgedMetricsWhenNoJudge(JudgeEnvironment.HOW_TO_CONFIGURE);
        } else {
            throw new IllegalStateException("Railguard on this executor: " + JudgeEnvironment.HOW_TO_CONFIGURE
                    + " On Spark, set them in the executors' environment (spark.executorEnv.*) or the spec's"
                    + " judgeSetting, and the key through apiKeyFromSparkConf; or call"
                    + " skipJudgedMetricsWhenNoJudge(true) to run the offline checks only.");
        }
        spec.cacheDirectory().ifPresent(directory -> b.cacheDirectory(Path.of(directory)));
        b.howToAllowSelfJudging(HOW_TO_ALLOW_SELF_JUDGING);
        return b.build();
    }
}
