package dev.railguard.spark;

import dev.railguard.batch.ColumnMapping;
import dev.railguard.config.RailguardProject;
import dev.railguard.api.Checks;
import dev.railguard.api.RunMode;
import dev.railguard.api.Thresholds;
import dev.railguard.engine.EvaluatorSettings;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the executors need to evaluate events, as a small serializable value that Spark ships with the tasks:
 * judges (as settings, never a key), metrics, run mode, thresholds, the judge budget per executor, the cache
 * directory, and the evaluator's plain settings ({@link EvaluatorSettings}: timeouts, retries, cache, self-judging
 * policy, ...), the same value a {@code RailguardEvaluator} is built with. Each executor JVM builds one evaluator per
 * spec and shares it among its tasks.
 *
 * <p><b>Credentials</b> never enter the spec. Each executor reads the API key from its environment
 * ({@code RAILGUARD_JUDGE_API_KEY} or {@code OPENAI_API_KEY}) or from the Spark configuration key named by
 * {@link Builder#apiKeyFromSparkConf}; {@link Builder#judgeSetting} refuses {@code apiKey}.
 *
 * <p><b>Judge budget</b>: each executor has its own evaluator, so limits are per executor. A cluster-wide budget of
 * C concurrent calls and R requests per minute over E executors is C / E and R / E per executor
 * ({@link Builder#clusterJudgeBudget} does the division).
 */
public final class SparkEvaluationSpec implements Serializable {

    // Why this file is longer than 400 lines: it is the one list of what travels to the executors, each setting with
    // its accessor, its validating builder method and its documentation; splitting it would split that list.

    private static final long serialVersionUID = 1L;

    /** The judge settings a spec may carry: those of {@code JudgeEnvironment}, except the key. */
    public static final Set<String> JUDGE_SETTINGS = Set.of("baseUrl", "model", "model.fast", "model.standard",
            "model.strong", "model.code", "timeoutSeconds", "prices");

    /** The content hash, computed on first use (transient: it is not part of the content). */
    private transient String id;
    private final ArrayList<String> metrics;
    private final RunMode runMode;
    private final TreeMap<String, Double> thresholds;
    private final int maxInFlightPerTask;
    private final int requestsPerMinutePerExecutor;
    private final long tokensPerMinutePerExecutor;
    private final String cacheDirectory;
    private final TreeMap<String, String> judgeSettings;
    private final String apiKeyConfKey;
    private final SerializableSupplier<JudgePanel> judges;
    private final SerializableSupplier<MetricRegistry> metricRegistry;
    private final boolean skipJudgedMetricsWhenNoJudge;
    private final EvaluatorSettings evaluatorSettings;
    private final ColumnMapping columns;

    private SparkEvaluationSpec(Builder b) {
        this.metrics = new ArrayList<>(b.metrics);
        this.runMode = b.runMode;
        this.thresholds = new TreeMap<>(b.thresholds);
        this.evaluatorSettings = b.settings.settings();
        this.maxInFlightPerTask = b.maxInFlightPerTask > 0 ? b.maxInFlightPerTask
                : 2 * evaluatorSettings.maxConcurrentJudgeCalls();
        this.requestsPerMinutePerExecutor = b.requestsPerMinutePerExecutor;
        this.tokensPerMinutePerExecutor = b.tokensPerMinutePerExecutor;
        this.cacheDirectory = b.cacheDirectory;
        this.judgeSettings = new TreeMap<>(b.judgeSettings);
        this.apiKeyConfKey = b.apiKeyConfKey;
        this.judges = b.judges;
        this.metricRegistry = b.metricRegistry;
        this.skipJudgedMetricsWhenNoJudge = b.skipJudgedMetricsWhenNoJudge;
        this.columns = b.columns;
    }

    /** A spec to fill in; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Identifies this spec by its content (SHA-256 of its serialized form): tasks of equal specs on one executor share
     * one evaluator, so a notebook that runs the same evaluation again does not build another.
     */
    public String id() {
        if (id == null) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(this);
                }
                id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("the spec cannot be serialized (a supplier that is not"
                        + " serializable?): " + e, e);
            }
        }
        return id;
    }

    /** The metrics of an event that names none (DeepRails events name theirs in {@code guardrail_metrics}). */
    public List<String> metrics() {
        return Collections.unmodifiableList(metrics);
    }

    /** The run mode of an event that names none. */
    public RunMode runMode() {
        return runMode;
    }

    /** Thresholds by metric, applied where the event sets none. */
    public Map<String, Double> thresholds() {
        return Collections.unmodifiableMap(thresholds);
    }

    /** Judge calls in flight at once per executor JVM (all its tasks together). */
    public int concurrencyPerExecutor() {
        return evaluatorSettings.maxConcurrentJudgeCalls();
    }

    /**
     * The plain settings each executor's evaluator is built with ({@code maxConcurrentJudgeCalls} is
     * {@link #concurrencyPerExecutor()}; the cache is on with a {@link #cacheDirectory()}).
     */
    public EvaluatorSettings evaluatorSettings() {
        return evaluatorSettings;
    }

    /** Events one task keeps submitted at once (default: twice the executor concurrency). */
    public int maxInFlightPerTask() {
        return maxInFlightPerTask;
    }

    /** Requests per minute per judge per executor, 0 for no budget. */
    public int requestsPerMinutePerExecutor() {
        return requestsPerMinutePerExecutor;
    }

    /** Tokens per minute per judge per executor, 0 for no budget. */
    public long tokensPerMinutePerExecutor() {
        return tokensPerMinutePerExecutor;
    }

    /** The judge cache directory (shared storage so retried tasks reuse replies), if any. */
    public Optional<String> cacheDirectory() {
        return Optional.ofNullable(cacheDirectory);
    }

    /** The judge settings, {@code JudgeEnvironment}'s property names without the {@code railguard.judge.} prefix. */
    public Map<String, String> judgeSettings() {
        return Collections.unmodifiableMap(judgeSettings);
    }

    /** The Spark configuration key the executors read the API key from, if set. The key itself is never here. */
    public Optional<String> apiKeyConfKey() {
        return Optional.ofNullable(apiKeyConfKey);
    }

    /** Judges built on the executor by code instead of from settings, if set. */
    public Optional<SerializableSupplier<JudgePanel>> judges() {
        return Optional.ofNullable(judges);
    }

    /** The metric registry built on the executor; default {@code MetricRegistry.installed()}. */
    public SerializableSupplier<MetricRegistry> metricRegistry() {
        return metricRegistry == null ? MetricRegistry::installed : metricRegistry;
    }

    /** Whether judged metrics are SKIPPED (with how to configure a judge) instead of failing the tasks. */
    public boolean skipJudgedMetricsWhenNoJudge() {
        return skipJudgedMetricsWhenNoJudge;
    }

    /** The column mapping of a table not shaped like DeepRails events, if set. */
    public Optional<ColumnMapping> columns() {
        return Optional.ofNullable(columns);
    }

    /** Every setting, never a credential. */
    @Override
    public String toString() {
        return "SparkEvaluationSpec{metrics=" + metrics + ", runMode=" + runMode.wireName() + ", thresholds="
                + thresholds + ", maxInFlightPerTask=" + maxInFlightPerTask + ", requestsPerMinutePerExecutor="
                + requestsPerMinutePerExecutor + ", tokensPerMinutePerExecutor=" + tokensPerMinutePerExecutor
                + ", cacheDirectory=" + cacheDirectory + ", judgeSettings=" + judgeSettings + ", apiKeyConfKey="
                + apiKeyConfKey + ", judges=" + (judges == null ? "from settings" : "custom") + ", metricRegistry="
                + (metricRegistry == null ? "installed" : "custom") + ", skipJudgedMetricsWhenNoJudge="
                + skipJudgedMetricsWhenNoJudge + ", columns=" + columns + ", evaluatorSettings=" + evaluatorSettings
                + "}";
    }

    /** Collects the settings; each setter validates at once. */
    public static final class Builder {
        private final List<String> metrics = new ArrayList<>();
        private RunMode runMode = RunMode.FAST;
        private final Map<String, Double> thresholds = new TreeMap<>();
        private int maxInFlightPerTask;
        private int requestsPerMinutePerExecutor;
        private long tokensPerMinutePerExecutor;
        private String cacheDirectory;
        private final Map<String, String> judgeSettings = new TreeMap<>();
        private String apiKeyConfKey;
        private SerializableSupplier<JudgePanel> judges;
        private SerializableSupplier<MetricRegistry> metricRegistry;
        private boolean skipJudgedMetricsWhenNoJudge;
        /** Validates and holds the evaluator's plain settings: the evaluator's own builder, never shipped. */
        private final RailguardEvaluator.Builder settings = RailguardEvaluator.builder();
        private ColumnMapping columns;

        private Builder() {}

        /** The metrics of events that name none (for example every row of a column-mapped table). */
        public Builder metrics(String... names) {
            return metrics(List.of(names));
        }

        /** The metrics of events that name none. */
        public Builder metrics(List<String> names) {
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new IllegalArgumentException("metrics must be metric names, but had: " + names);
                }
            }
            metrics.clear();
            metrics.addAll(names);
            return this;
        }

        /** The run mode of events that name none; default {@code fast}. */
        public Builder runMode(RunMode mode) {
            this.runMode = Objects.requireNonNull(mode, "runMode must not be null");
            return this;
        }

        /** The threshold of {@code metric} in [0, 1], where the event sets none. */
        public Builder threshold(String metric, double threshold) {
            Thresholds.check(threshold, "threshold of metric '" + metric + "'");
            thresholds.put(Objects.requireNonNull(metric, "metric must not be null"), threshold);
            return this;
        }

        /** Judge calls in flight at once per executor JVM, shared by its tasks; default 16. */
        public Builder concurrencyPerExecutor(int max) {
            settings.maxConcurrentJudgeCalls(Checks.atLeast(max, 1, "concurrencyPerExecutor"));
            return this;
        }

        /** Events one task keeps submitted at once; default twice {@link #concurrencyPerExecutor}. */
        public Builder maxInFlightPerTask(int max) {
            this.maxInFlightPerTask = Checks.atLeast(max, 1, "maxInFlightPerTask");
            return this;
        }

        /** Requests per minute per judge on each executor (a token bucket); default none. */
        public Builder requestsPerMinutePerExecutor(int rpm) {
            this.requestsPerMinutePerExecutor = Checks.atLeast(rpm, 1, "requestsPerMinutePerExecutor");
            return this;
        }

        /** Tokens per minute per judge on each executor; default none. */
        public Builder tokensPerMinutePerExecutor(long tpm) {
            Checks.atLeast(tpm, 1, "tokensPerMinutePerExecutor");
            this.tokensPerMinutePerExecutor = tpm;
            return this;
        }

        /**
         * Splits a cluster-wide judge budget over {@code executors}: each gets {@code totalConcurrency / executors}
         * concurrent calls and {@code requestsPerMinute / executors} requests per minute (at least 1 of each), so
         * the whole job stays within the provider's limits.
         */
        public Builder clusterJudgeBudget(int totalConcurrency, int requestsPerMinute, int executors) {
            Checks.atLeast(executors, 1, "executors");
            if (totalConcurrency < executors || requestsPerMinute < executors) {
                throw new IllegalArgumentException("a cluster budget must give each of the " + executors
                        + " executors at least 1 call and 1 request per minute, but was: concurrency "
                        + totalConcurrency + ", requests per minute " + requestsPerMinute);
            }
            settings.maxConcurrentJudgeCalls(totalConcurrency / executors);
            this.requestsPerMinutePerExecutor = requestsPerMinute / executors;
            return this;
        }

        /**
         * Caches judge replies in {@code directory} (and in memory). On storage all executors share (HDFS-mounted,
         * NFS, a volume), a retried or speculative task gets the replies its first attempt paid for.
         */
        public Builder cacheDirectory(String directory) {
            Objects.requireNonNull(directory, "cacheDirectory must not be null");
            if (directory.isBlank()) {
                throw new IllegalArgumentException("cacheDirectory must be a path, but was blank");
            }
            this.cacheDirectory = directory;
            return this;
        }

        /** Caches judge replies in each executor's memory; default off. */
        public Builder memoryCache(boolean enabled) {
            settings.cache(enabled);
            return this;
        }

        /**
         * The evaluator's plain settings on every executor (timeouts, retries, cache, self-judging policy, ...);
         * default {@link EvaluatorSettings#DEFAULTS}. Sets {@link #concurrencyPerExecutor} too
         * ({@code maxConcurrentJudgeCalls}).
         *
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public Builder evaluatorSettings(EvaluatorSettings evaluatorSettings) {
            settings.settings(evaluatorSettings);
            return this;
        }

        /**
         * One judge setting, named as {@code JudgeEnvironment}'s system properties without {@code railguard.judge.}:
         * {@code baseUrl}, {@code model}, {@code model.fast} (and the other tiers), {@code timeoutSeconds},
         * {@code prices}. It wins over the executor's environment.
         *
         * @throws IllegalArgumentException for {@code apiKey} (keys never travel in the spec) or an unknown name
         */
        public Builder judgeSetting(String name, String value) {
            Objects.requireNonNull(name, "judge setting name must not be null");
            if (name.equalsIgnoreCase("apiKey")) {
                throw new IllegalArgumentException("the API key never travels in the spec: set RAILGUARD_JUDGE_API_KEY"
                        + " in the executors' environment or name a Spark configuration key with apiKeyFromSparkConf");
            }
            if (!JUDGE_SETTINGS.contains(name)) {
                throw new IllegalArgumentException("judge setting must be one of " + new TreeSet<>(JUDGE_SETTINGS)
                        + ", but was: '" + name + "'");
            }
            if (value == null || value.isBlank()) {
                judgeSettings.remove(name);
            } else {
                judgeSettings.put(name, value.trim());
            }
            return this;
        }

        /**
         * The Spark configuration key each executor reads the API key from, for example
         * {@code spark.railguard.judge.secret} (a name Spark's default {@code spark.redaction.regex} redacts in the
         * UI and logs). Without it, the key comes from the executor's environment.
         */
        public Builder apiKeyFromSparkConf(String confKey) {
            Objects.requireNonNull(confKey, "confKey must not be null");
            if (confKey.isBlank()) {
                throw new IllegalArgumentException("confKey must be a Spark configuration key, but was blank");
            }
            this.apiKeyConfKey = confKey;
            return this;
        }

        /** Judges built on each executor by this code instead of from settings (any LangChain4j {@code ChatModel}). */
        public Builder judges(SerializableSupplier<JudgePanel> judges) {
            this.judges = Objects.requireNonNull(judges, "judges must not be null");
            return this;
        }

        /** The metric registry, built on each executor; default {@code MetricRegistry.installed()}. */
        public Builder metricRegistry(SerializableSupplier<MetricRegistry> registry) {
            this.metricRegistry = Objects.requireNonNull(registry, "metricRegistry must not be null");
            return this;
        }

        /**
         * What a project file declares: its run mode and thresholds here, and on each executor its metrics and (when
         * it declares them) its judges, loaded from the same file, which the executors must be able to read (a shared
         * path; in local mode, any). Call it before the settings it should not replace.
         */
        public Builder project(RailguardProject project) {
            Objects.requireNonNull(project, "project must not be null");
            String file = project.file().toAbsolutePath().toString();
            project.runMode().ifPresent(this::runMode);
            project.thresholds().forEach(this::threshold);
            metricRegistry(() -> RailguardProject.load(Path.of(file)).metrics());
            if (project.declaresJudges()) {
                judges(() -> RailguardProject.load(Path.of(file)).panel().orElseThrow());
            }
            return this;
        }

        /**
         * Without a configured judge, judged metrics are SKIPPED with how to configure one (offline checks still
         * run); default off: the tasks fail with that message.
         */
        public Builder skipJudgedMetricsWhenNoJudge(boolean skip) {
            this.skipJudgedMetricsWhenNoJudge = skip;
            return this;
        }

        /** The per-attempt timeout of judge calls. */
        public Builder callTimeout(Duration timeout) {
            settings.callTimeout(timeout);
            return this;
        }

        /** The timeout of one evaluation; an event over it is FAILED with the cause. */
        public Builder evaluationTimeout(Duration timeout) {
            settings.evaluationTimeout(timeout);
            return this;
        }

        /** The columns of a table not shaped like DeepRails events. */
        public Builder columns(ColumnMapping mapping) {
            this.columns = Objects.requireNonNull(mapping, "columns must not be null");
            return this;
        }

        /** The spec. */
        public SparkEvaluationSpec build() {
            return new SparkEvaluationSpec(this);
        }

    }
}
