package dev.railguard.engine;

import dev.railguard.engine.internal.call.Ticket;
import dev.railguard.engine.internal.judge.JudgeClient;
import dev.railguard.engine.internal.cache.DiskCache;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.engine.internal.judge.JudgeEngine;
import dev.railguard.engine.internal.evaluation.EventHandle;
import dev.railguard.engine.internal.evaluation.EvaluationSteps;
import dev.railguard.engine.internal.evaluation.MetricDispatch;
import dev.railguard.engine.internal.evaluation.ResultWindow;
import dev.railguard.engine.internal.evaluation.SelfJudgingCheck;
import dev.railguard.engine.internal.runmode.RunModeStrategy;
import dev.railguard.engine.internal.search.JudgeTools;

import dev.langchain4j.web.search.WebSearchEngine;
import dev.railguard.api.Capability;
import dev.railguard.api.Checks;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Evaluator;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.api.status.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The evaluator: validates requests, plans each run mode over a {@link JudgePanel}, asks the judges and aggregates
 * their verdicts. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * Evaluator evaluator = RailguardEvaluator.builder()
 *     .judges(JudgePanel.single("judge", chatModel))
 *     .build();                                   // metrics: every metric on the class path
 * EvaluationResult result = evaluator.evaluate(EvaluationRequest.builder()
 *     .modelInput(ModelInput.ofUserPrompt("What is the capital of France?"))
 *     .modelOutput("Paris is the capital of France.")
 *     .metrics("correctness", "completeness")
 *     .build());
 * }</pre>
 *
 * <p>Judge calls run on the evaluator's executor, at most {@code maxConcurrentJudgeCalls} at a time; the metrics of
 * one request are judged in parallel, and one failing metric never stops the others: it becomes ERROR with its cause.
 * Each judge also has its own adaptive limit; the engine retries retriable failures itself (honouring
 * {@code Retry-After} on judges built with {@link RailguardHttp#retryAfterAware()}), applies a call timeout and,
 * when enabled, answers identical calls from its cache. {@link #submit} returns at once; {@link #evaluateAll} streams
 * results of many requests in bounded memory; {@link #judgeStats()} reports the traffic.
 */
public final class RailguardEvaluator implements Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(RailguardEvaluator.class);

    // Why this file is longer than 400 lines: the builder documents every setting of the evaluator in one place, in
    // four groups. The evaluation itself (validation, dispatch to the run modes, handles, the result window) lives in
    // internal.evaluation, and judge traffic in internal.judge.

    private final JudgePanel panel;
    private final MetricRegistry metrics;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final JudgeClient client;
    private final JudgeEngine engine;
    private final EvaluatorSettings settings;
    private final Map<RunMode, RunModePlan> plans;
    private final JudgeTools tools;
    private final MetricDispatch dispatch;
    private final SelfJudging selfJudging;
    private final String howToAllowSelfJudging;
    private final Set<EventHandle> live = ConcurrentHashMap.newKeySet();
    private final EvaluationObserver observer;
    private volatile boolean closed;

    private RailguardEvaluator(Builder b) {
        this.panel = b.panel;
        this.metrics = b.metrics != null ? b.metrics : MetricRegistry.installed();
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : newJudgeExecutor(
                b.maxConcurrentJudgeCalls + Math.max(2, b.maxConcurrentJudgeCalls / 4));
        this.settings = b.settings();
        this.observer = EvaluationObserver.of(b.observers);
        this.engine = new JudgeEngine(executor, new JudgeEngine.Options(settings, Map.copyOf(b.judgeLimits),
                b.prices, b.cacheDirectory, b.cacheSecret, b.batchApi), observer, b.ticker);
        this.client = new JudgeClient(engine, Ticket.NONE);
        Map<RunMode, RunModePlan> p = new EnumMap<>(RunMode.class);
        for (RunMode mode : RunMode.values()) {
            p.put(mode, b.plans.getOrDefault(mode, RunModePlan.defaults(mode)));
        }
        this.plans = p;
        this.tools = new JudgeTools(b.webSearch, b.documents != null ? b.documents : DocumentStore.inMemory(),
                b.maxToolRoundTrips, 3);
        this.dispatch = new MetricDispatch(metrics, panel, RunModeStrategy.byMode(), plans, tools, client, executor,
                b.judgedSkipReason, b.selfJudging, b.howToAllowSelfJudging,
                new EvaluationSteps(panel, client));
        this.selfJudging = b.selfJudging;
        this.howToAllowSelfJudging = b.howToAllowSelfJudging;
    }

    /** How self-judging is allowed, unless the builder was told another way ({@link Builder#howToAllowSelfJudging}). */
    public static final String DEFAULT_HOW_TO_ALLOW_SELF_JUDGING =
            "RailguardEvaluator.builder().selfJudging(SelfJudging.ALLOW_WITH_WARNING)";

    /** A builder with the defaults: no judges, every installed metric, 16 concurrent judge calls. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public EvaluationResult evaluate(EvaluationRequest request) {
        try {
            return submit(request).result().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("evaluation failed unexpectedly: " + EvaluationFailures.describe(e), e);
        }
    }

    /**
     * Validates {@code request} at once (throwing as {@link #evaluate} does) and evaluates it in the background. The
     * handle is QUEUED until the first of its judge calls gets capacity, then IN_PROGRESS; it ends COMPLETED, FAILED
     * (the evaluation timeout expired; the cause is in {@link EvaluationResult#failure()}) or CANCELED.
     */
    @Override
    public EvaluationHandle submit(EvaluationRequest request) {
        return submitHandle(request, dispatch);
    }

    /**
     * An evaluator that also knows {@code more} metrics (a criteria metric made in a test, say), sharing everything
     * else with this one: judges, cache, limits, executor, observers and the evaluation steps already written. It is
     * a view: closing it does nothing, closing this evaluator ends it too.
     *
     * @throws IllegalArgumentException if a metric's name is already known
     */
    public Evaluator withMetrics(GuardrailMetric... more) {
        return new WithMetrics(this, dispatch.withMetrics(metrics.with(more)));
    }

    /**
     * Checks {@code request} exactly as {@link #submit} does (known metrics, required inputs, the judges the run mode
     * needs, self-judging, search tools) without evaluating it; for intakes such as monitors that queue a request and
     * submit it later, so a bad event fails when it is handed in, not later.
     *
     * @throws IllegalArgumentException naming what is wrong with the request for this evaluator
     */
    @Override
    public void validate(EvaluationRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        dispatch.validate(request);
    }

    /** The metric named {@code name} in this evaluator's registry. */
    @Override
    public Optional<GuardrailMetric> metric(String name) {
        return metrics.find(name);
    }

    /** The judge of this evaluator's panel whose model is {@code model}. */
    @Override
    public Optional<String> judgeUsing(Object model) {
        return panel.all().stream().filter(j -> model != null && j.model() == model).map(Judge::name).findFirst();
    }

    private EventHandle submitHandle(EvaluationRequest request) {
        return submitHandle(request, dispatch);
    }

    private EventHandle submitHandle(EvaluationRequest request, MetricDispatch dispatch) {
        Objects.requireNonNull(request, "request must not be null");
        if (closed) {
            throw new IllegalStateException("this evaluator is closed");
        }
        List<GuardrailMetric> resolved = dispatch.validate(request);
        Instant created = Instant.now();
        String eventId = EventIds.next("evt");
        EvaluationObservation observation = observer.evaluationStarted(
                new EvaluationObserver.EvaluationStart(eventId, request, created));
        EventHandle handle = new EventHandle(eventId, request, created, observation);
        live.add(handle);
        handle.result().whenComplete((r, e) -> live.remove(handle));
        if (resolved.stream().anyMatch(m -> !(m instanceof JudgedMetric))) {
            handle.markStarted();
        }
        Map<String, CompletableFuture<MetricResult>> futures = dispatch.start(request, resolved, handle.ticket());
        handle.parts(futures);
        Duration evaluationTimeout = settings.evaluationTimeout();
        if (!evaluationTimeout.isZero()) {
            try {
                ScheduledFuture<?> timeout = engine.timer.schedule(() -> handle.fail("the evaluation timed out after "
                        + evaluationTimeout.toMillis() + " ms"), evaluationTimeout.toMillis(), TimeUnit.MILLISECONDS);
                handle.result().whenComplete((r, e) -> timeout.cancel(false));
            } catch (RejectedExecutionException e) {
                handle.fail("the evaluator was closed");
            }
        }
        CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            Map<String, MetricResult> results = new LinkedHashMap<>();
            Usage usage = Usage.NONE;
            for (GuardrailMetric m : resolved) {
                MetricResult r = futures.get(m.name()).getNow(null);
                results.put(m.name(), r);
                usage = usage.plus(r.usage());
            }
            handle.complete(new EvaluationResult(handle.eventId(), EvaluationStatus.COMPLETED, results, usage,
                    request.runMode(), request.nametag(), created, Instant.now(), null));
        });
        return handle;
    }

    /**
     * Evaluates {@code requests} with at most {@link Builder#maxInFlightEvaluations} of them submitted at a time and
     * returns their results in the order they complete; memory stays bounded however long the stream is, because the
     * next request is read only when a result has been taken. Requests are pulled lazily as the returned stream is
     * consumed; a request that fails validation throws its {@link IllegalArgumentException} from the stream when it
     * is reached. Closing the returned stream cancels the evaluations still in flight.
     *
     * <pre>{@code
     * try (Stream<EvaluationResult> results = evaluator.evaluateAll(requests.stream())) {
     *     results.forEach(r -> System.out.println(r.eventId() + " " + r.passed()));
     * }
     * }</pre>
     */
    public Stream<EvaluationResult> evaluateAll(Stream<EvaluationRequest> requests) {
        Objects.requireNonNull(requests, "requests must not be null");
        ResultWindow window = new ResultWindow(requests.iterator(), settings.maxInFlightEvaluations(), this::submitHandle);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(window, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    window.cancelAll();
                    requests.close();
                });
    }

    /** {@link #evaluateAll(Stream)} over a list or any other iterable. */
    public Stream<EvaluationResult> evaluateAll(Iterable<EvaluationRequest> requests) {
        Objects.requireNonNull(requests, "requests must not be null");
        return evaluateAll(StreamSupport.stream(requests.spliterator(), false));
    }

    /** Counters of this evaluator's judge traffic: attempts, retries, 429s, timeouts, cache hits and misses. */
    public JudgeStats judgeStats() {
        return engine.stats();
    }

    /**
     * Asks one judge of {@code tier} a structured question, with the same call discipline as metric calls. The judge
     * whose model is {@code modelUsed} is avoided when the tier has another. For Railguard's own modules (agent-evals):
     * {@link JudgeQuestion} and {@link JudgeAnswer} are {@code @Internal}, not part of the API.
     *
     * @throws IllegalArgumentException if the panel has no judge in {@code tier}
     */
    @Internal
    public CompletableFuture<JudgeAnswer> ask(JudgeTier tier, JudgeQuestion question, String modelUsed) {
        Objects.requireNonNull(tier, "tier must not be null");
        Objects.requireNonNull(question, "question must not be null");
        List<Judge> judges = panel.pick(tier, 1, modelUsed);
        if (judges.isEmpty()) {
            throw new IllegalArgumentException("the judge panel has no judge in tier " + tier.name().toLowerCase()
                    + ": " + panel);
        }
        return ask(judges.get(0), question);
    }

    /**
     * Asks {@code judge} a structured question, with the same call discipline as metric calls. For Railguard's own
     * modules (agent-evals): {@link JudgeQuestion} and {@link JudgeAnswer} are {@code @Internal}, not part of the API.
     */
    @Internal
    public CompletableFuture<JudgeAnswer> ask(Judge judge, JudgeQuestion question) {
        Objects.requireNonNull(judge, "judge must not be null");
        return client.call(question.toCall(judge)).thenApply(JudgeAnswer::of);
    }

    @Override
    public Set<String> metricNames() {
        return metrics.names();
    }

    /** The plain settings this evaluator was built with (its builder's, over {@link EvaluatorSettings#DEFAULTS}). */
    public EvaluatorSettings settings() {
        return settings;
    }

    /** What this evaluator does when a model would judge its own output. */
    public SelfJudging selfJudging() {
        return selfJudging;
    }

    /**
     * Checks {@code judge} in {@code role} (for example "accuracy judge") against the self-judging policy, for evals
     * that choose their own judge: empty when {@code judge} is not {@code modelUsed}'s model (by {@link
     * JudgePanel#isModelUsed}: normal form and this panel's aliases), else the WARNING text to record under {@link
     * SelfJudging#ALLOW_WITH_WARNING}.
     *
     * @throws IllegalArgumentException under {@link SelfJudging#REFUSE} when {@code judge} is {@code modelUsed}'s
     *                                  model, naming the role and how to allow it
     */
    public Optional<String> checkSelfJudging(Judge judge, String modelUsed, String role) {
        Objects.requireNonNull(judge, "judge must not be null");
        Objects.requireNonNull(role, "role must not be null");
        return SelfJudgingCheck.checkJudge(panel, judge, modelUsed, role, selfJudging, howToAllowSelfJudging);
    }

    /** The judge panel this evaluator asks. */
    public JudgePanel panel() {
        return panel;
    }

    /** The metrics this evaluator knows. */
    public MetricRegistry metrics() {
        return metrics;
    }

    /**
     * The documents judges search in requests with {@link Capability#FILE_SEARCH}; register more with
     * {@code documents().add(name, text)}, which returns the document's {@code file_} id.
     */
    public DocumentStore documents() {
        return tools.documents();
    }

    /** The plan {@code mode} runs with: its default, or what {@link Builder#plan} set. */
    public RunModePlan plan(RunMode mode) {
        return plans.get(Objects.requireNonNull(mode, "mode must not be null"));
    }

    /** {@link #withMetrics}: this evaluator with a dispatch over more metrics. */
    private static final class WithMetrics implements Evaluator {
        private final RailguardEvaluator base;
        private final MetricDispatch dispatch;

        WithMetrics(RailguardEvaluator base, MetricDispatch dispatch) {
            this.base = base;
            this.dispatch = dispatch;
        }

        @Override
        public EvaluationResult evaluate(EvaluationRequest request) {
            try {
                return submit(request).result().join();
            } catch (CompletionException e) {
                throw new IllegalStateException("evaluation failed unexpectedly: " + EvaluationFailures.describe(e), e);
            }
        }

        @Override
        public EvaluationHandle submit(EvaluationRequest request) {
            return base.submitHandle(request, dispatch);
        }

        @Override
        public void validate(EvaluationRequest request) {
            Objects.requireNonNull(request, "request must not be null");
            dispatch.validate(request);
        }

        @Override
        public Set<String> metricNames() {
            return dispatch.metricNames();
        }

        @Override
        public Optional<GuardrailMetric> metric(String name) {
            return dispatch.metric(name);
        }

        @Override
        public Optional<String> judgeUsing(Object model) {
            return base.judgeUsing(model);
        }

        @Override
        public void close() {
            // a view: the evaluator it extends owns the threads and the cache
        }
    }

    @Override
    public void close() {
        closed = true;
        int pending = live.size();
        if (pending > 0) {
            LOG.warn("evaluator closed with {} evaluation{} pending; they end CANCELED", pending,
                    pending == 1 ? "" : "s");
        }
        for (EventHandle h : live) {
            h.end(EvaluationStatus.CANCELED, "the evaluator was closed");
        }
        engine.close();
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    private static ExecutorService newJudgeExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "railguard-judge-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }

    /**
     * Builds a {@link RailguardEvaluator}; not thread-safe, reusable. The settings read in four groups: judges and
     * metrics, judge traffic, the cache, and search tools. Every setting has a default, so only the judges are
     * usually set.
     */
    public static final class Builder {
        private JudgePanel panel = JudgePanel.empty();
        private MetricRegistry metrics;
        private ExecutorService executor;
        private int maxConcurrentJudgeCalls = EvaluatorSettings.DEFAULTS.maxConcurrentJudgeCalls();
        private int maxJudgeOutputTokens = EvaluatorSettings.DEFAULTS.maxJudgeOutputTokens();
        private final Map<RunMode, RunModePlan> plans = new EnumMap<>(RunMode.class);
        private WebSearchEngine webSearch;
        private DocumentStore documents;
        private int maxToolRoundTrips = EvaluatorSettings.DEFAULTS.maxToolRoundTrips();
        private String judgedSkipReason;
        private int maxConcurrentCallsPerJudge = EvaluatorSettings.DEFAULTS.maxConcurrentCallsPerJudge();
        private final Map<String, JudgeLimits> judgeLimits = new LinkedHashMap<>();
        private boolean adaptiveConcurrency = EvaluatorSettings.DEFAULTS.adaptiveConcurrency();
        private Duration callTimeout = EvaluatorSettings.DEFAULTS.callTimeout();
        private Duration evaluationTimeout = EvaluatorSettings.DEFAULTS.evaluationTimeout();
        private int maxCallAttempts = EvaluatorSettings.DEFAULTS.maxCallAttempts();
        private Duration initialBackoff = EvaluatorSettings.DEFAULTS.initialBackoff();
        private Duration maxBackoff = EvaluatorSettings.DEFAULTS.maxBackoff();
        private Duration maxRetryAfter = EvaluatorSettings.DEFAULTS.maxRetryAfter();
        private Duration retryBudget = EvaluatorSettings.DEFAULTS.retryBudget();
        private boolean cache = EvaluatorSettings.DEFAULTS.cache();
        private long cacheMaximumSize = EvaluatorSettings.DEFAULTS.cacheMaximumSize();
        private Duration cacheExpiry = EvaluatorSettings.DEFAULTS.cacheExpiry();
        private Path cacheDirectory;
        private PriceTable prices = PriceTable.NONE;
        private BatchApi batchApi;
        private int maxInFlightEvaluations = EvaluatorSettings.DEFAULTS.maxInFlightEvaluations();
        private final List<EvaluationObserver> observers = new ArrayList<>();
        private long maxPromptTokens = EvaluatorSettings.DEFAULTS.maxPromptTokens();
        private String cacheSecret;
        private SelfJudging selfJudging = EvaluatorSettings.DEFAULTS.selfJudging();
        private String howToAllowSelfJudging = DEFAULT_HOW_TO_ALLOW_SELF_JUDGING;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {}

        /**
         * The time source (nanoseconds) of the retry budget and the per-minute budgets; {@code System::nanoTime}.
         * Package-private: tests in this package move it by hand so that what they check does not depend on how
         * fast a loaded machine runs.
         */
        Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
            return this;
        }

        /**
         * Adds observers that hear every evaluation, judge call and the judge traffic's gauges: OpenTelemetry spans
         * and events, Micrometer meters ({@code evaluation-telemetry}), or your own. Called on Railguard's threads; an
         * observer that throws is logged and never breaks an evaluation.
         */
        public Builder observer(EvaluationObserver... observers) {
            for (int i = 0; i < observers.length; i++) {
                this.observers.add(Objects.requireNonNull(observers[i], "observers[" + i + "] must not be null"));
            }
            return this;
        }

        // ---- the judges, the metrics and how each run mode uses the judges ----

        /** The judges to ask. Default: none (only in-process metrics can run). */
        public Builder judges(JudgePanel panel) {
            this.panel = Objects.requireNonNull(panel, "judges must not be null");
            return this;
        }

        /** The metrics to know. Default: {@link MetricRegistry#installed()}. */
        public Builder metrics(MetricRegistry metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
            return this;
        }

        /**
         * Replaces the default plan of {@code mode} (see {@link RunModePlan#defaults}): which tiers partition,
         * verify and arbitrate, and how many passes.
         *
         * @throws IllegalArgumentException if the plan does not fit the mode (see {@link RunModePlan})
         */
        public Builder plan(RunMode mode, RunModePlan plan) {
            Objects.requireNonNull(mode, "mode must not be null");
            Objects.requireNonNull(plan, "plan must not be null");
            plan.checkFits(mode);
            plans.put(mode, plan);
            return this;
        }

        /**
         * When the judge panel lacks a judge the run mode needs (for example no judge is configured at all), judged
         * metrics become {@link dev.railguard.api.Verdict#SKIPPED} with {@code reason} as their rationale, instead of
         * the request being rejected; in-process metrics still run. Meant for offline runs (the main job, batch runs
         * without a key) where {@code reason} says how to configure a judge. Default: off (such requests are rejected).
         *
         * @throws IllegalArgumentException if {@code reason} is blank
         */
        public Builder skipJudgedMetricsWhenNoJudge(String reason) {
            Objects.requireNonNull(reason, "reason must not be null");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank, but was: '" + reason + "'");
            }
            this.judgedSkipReason = reason;
            return this;
        }

        /**
         * What happens when the model that produced an output ({@code modelUsed}) is the only judge a role of the run
         * mode can get. Default {@link SelfJudging#REFUSE}: the request is refused, naming the role and what to add.
         * {@link SelfJudging#ALLOW_WITH_WARNING} runs it with a WARNING diagnostic on every affected metric.
         */
        public Builder selfJudging(SelfJudging policy) {
            this.selfJudging = Objects.requireNonNull(policy, "selfJudging must not be null");
            return this;
        }

        /**
         * How a user of this evaluator allows self-judging, quoted at the end of a refusal ("... or allow it with
         * {@code howToAllow}"). Default: the builder call {@value #DEFAULT_HOW_TO_ALLOW_SELF_JUDGING}; a command line
         * names its switch, a project file its key.
         *
         * @throws IllegalArgumentException if {@code howToAllow} is blank
         */
        public Builder howToAllowSelfJudging(String howToAllow) {
            Objects.requireNonNull(howToAllow, "howToAllowSelfJudging must not be null");
            if (howToAllow.isBlank()) {
                throw new IllegalArgumentException("howToAllowSelfJudging must not be blank, but was: '"
                        + howToAllow + "'");
            }
            this.howToAllowSelfJudging = howToAllow;
            return this;
        }

        /**
         * The prices that turn judge tokens into {@code Usage.cost()}; default {@link PriceTable#NONE} (cost 0, tokens
         * still counted).
         */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices must not be null");
            return this;
        }

        /**
         * Sends the judge calls through a provider's batch API, billed at batch prices and answered within hours, in
         * rounds (see {@link BatchApi}); default none (every call through the judge's synchronous API). For offline
         * runs: a {@code BatchEvaluator} whose {@code maxInFlight} covers its file makes one batch per round.
         */
        public Builder batchApi(BatchApi batchApi) {
            this.batchApi = Objects.requireNonNull(batchApi, "batchApi must not be null");
            return this;
        }

        /** The token cap of a judge reply; default 2048. A reply cut off at the cap is a failure. */
        public Builder maxJudgeOutputTokens(int max) {
            Checks.atLeast(max, 16, "maxJudgeOutputTokens");
            this.maxJudgeOutputTokens = max;
            return this;
        }

        // ---- judge traffic: concurrency, limits, retries, timeouts ----

        /**
         * The executor judge calls run on. The evaluator does not shut down an executor it was given. Default: its own
         * pool of daemon threads, a quarter more than {@link #maxConcurrentJudgeCalls} (at least two more), so that
         * checking and scoring replies never holds up the next call. A given executor should have at least as many
         * threads as {@code maxConcurrentJudgeCalls}: the call timeout starts when a call is handed to it.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /** How many judge calls may run at once on the evaluator's own executor; default 16. */
        public Builder maxConcurrentJudgeCalls(int max) {
            Checks.atLeast(max, 1, "maxConcurrentJudgeCalls");
            this.maxConcurrentJudgeCalls = max;
            return this;
        }

        /**
         * The ceiling of concurrent calls to any one judge (each judge's adaptive limit starts there); default: the
         * global {@link #maxConcurrentJudgeCalls}.
         */
        public Builder maxConcurrentCallsPerJudge(int max) {
            Checks.atLeast(max, 1, "maxConcurrentCallsPerJudge");
            this.maxConcurrentCallsPerJudge = max;
            return this;
        }

        /** Limits for the judge named {@code judgeName} (concurrency ceiling, requests and tokens per minute). */
        public Builder judgeLimits(String judgeName, JudgeLimits limits) {
            Objects.requireNonNull(judgeName, "judgeName must not be null");
            judgeLimits.put(judgeName, Objects.requireNonNull(limits, "limits must not be null"));
            return this;
        }

        /**
         * Whether each judge's concurrency limit adapts to rate limiting: halved on a 429 (at most once a second),
         * raised by one call per window of successes back to its ceiling. Default: on.
         */
        public Builder adaptiveConcurrency(boolean adaptive) {
            this.adaptiveConcurrency = adaptive;
            return this;
        }

        /**
         * How long one judge call attempt may take before it is interrupted, abandoned and retried (a timeout is
         * retriable). Default: 2 minutes. The model's own HTTP timeout applies as well.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Checks.positive(timeout, "callTimeout");
            return this;
        }

        /**
         * How long one evaluation may take from submission; when it expires the event ends FAILED with the cause
         * and its running judge calls are abandoned. Default: no limit.
         */
        public Builder evaluationTimeout(Duration timeout) {
            this.evaluationTimeout = Checks.positive(timeout, "evaluationTimeout");
            return this;
        }

        /**
         * The most attempts per judge request, the first included, for retriable failures; between 1 and 20, default
         * 20. A safety stop: the {@link #retryBudget retry budget} in time is what normally ends the retries.
         */
        public Builder maxCallAttempts(int attempts) {
            Checks.between(attempts, 1, 20, "maxCallAttempts");
            this.maxCallAttempts = attempts;
            return this;
        }

        /**
         * How long after a judge request's first attempt a retry may still start; default 30 s. A transient fault (a
         * 429, a 5xx, a timeout, a reply broken in transport) is retried with backoff and jitter, honouring
         * {@code Retry-After}, while the next attempt would start within this budget; then the call fails naming the
         * attempts, the time spent and the last cause. An attempt already running ends by its {@link #callTimeout}.
         */
        public Builder retryBudget(Duration budget) {
            this.retryBudget = Checks.positive(budget, "retryBudget");
            return this;
        }

        /**
         * Exponential backoff between attempts when the server sent no {@code Retry-After}: {@code initial * 2^n},
         * at most {@code max}, half of it random. Default: 500 ms, 30 s.
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            Duration i = Checks.positive(initial, "retryBackoff initial");
            Duration m = Checks.positive(max, "retryBackoff max");
            Checks.atLeast(m, i, "retryBackoff max");
            this.initialBackoff = i;
            this.maxBackoff = m;
            return this;
        }

        /**
         * The longest {@code Retry-After} the engine honours; a longer one waits this long. Default: 60 s. The engine
         * sees {@code Retry-After} on judges built with {@link RailguardHttp#retryAfterAware()}.
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Checks.positive(max, "maxRetryAfter");
            return this;
        }

        /** How many evaluations {@link #evaluateAll} keeps submitted at once; default 256. */
        public Builder maxInFlightEvaluations(int max) {
            Checks.atLeast(max, 1, "maxInFlightEvaluations");
            this.maxInFlightEvaluations = max;
            return this;
        }

        // ---- the judge cache ----

        /**
         * Whether judge replies are cached in memory (Caffeine), keyed by judge, model, parameters, prompt template
         * version and rendered prompt; identical concurrent calls share one model call. Default: off.
         */
        public Builder cache(boolean enabled) {
            this.cache = enabled;
            return this;
        }

        /**
         * Also keeps judge replies in {@code directory}, so they survive the process (expiry: {@link #cacheExpiry},
         * 14 days by default). Turns the cache on.
         */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Objects.requireNonNull(directory, "cacheDirectory must not be null");
            this.cache = true;
            return this;
        }

        /** How long a cached reply is used; default 14 days. */
        public Builder cacheExpiry(Duration expiry) {
            this.cacheExpiry = Checks.positive(expiry, "cacheExpiry");
            return this;
        }

        /**
         * Signs every entry of the cache directory with an HMAC-SHA256 under {@code secret}, so an entry edited on disk
         * (even with its checksum recomputed) or written without the secret is recomputed, not trusted. Default: the
         * environment variable {@code RAILGUARD_CACHE_SECRET}, else no signature (the checksum then detects damage, not
         * tampering).
         *
         * @throws IllegalArgumentException if {@code secret} is shorter than 16 characters
         */
        public Builder cacheSecret(String secret) {
            Objects.requireNonNull(secret, "cacheSecret must not be null");
            Checks.atLeast(secret.strip().length(), 16, "cacheSecret length");
            Redaction.register(secret);
            this.cacheSecret = secret;
            return this;
        }

        /**
         * The per-call prompt budget in estimated tokens (characters / 4); default 100,000, which fits the context
         * windows of common judges. A call over it is not sent: its metric is ERROR with the estimated size.
         *
         * @throws IllegalArgumentException if {@code tokens} is outside 1,000..10,000,000
         */
        public Builder maxPromptTokens(long tokens) {
            Checks.between(tokens, 1_000, 10_000_000, "maxPromptTokens");
            this.maxPromptTokens = tokens;
            return this;
        }

        /** How many replies the in-memory cache holds; default 10,000. */
        public Builder cacheMaximumSize(long size) {
            Checks.atLeast(size, 1, "cacheMaximumSize");
            this.cacheMaximumSize = size;
            return this;
        }

        // ---- search tools for the judges ----

        /**
         * The web search judges may use in requests with {@link Capability#WEB_SEARCH}, as a tool named
         * {@code web_search}. Default: none (such requests are rejected).
         */
        public Builder webSearch(WebSearchEngine engine) {
            this.webSearch = Objects.requireNonNull(engine, "webSearch must not be null");
            return this;
        }

        /**
         * The documents judges may search in requests with {@link Capability#FILE_SEARCH}, as a tool named
         * {@code file_search}. Default: an empty {@link DocumentStore#inMemory()} store, reachable through
         * {@link RailguardEvaluator#documents()}.
         */
        public Builder documents(DocumentStore documents) {
            this.documents = Objects.requireNonNull(documents, "documents must not be null");
            return this;
        }

        /** How many tool round trips (searches) one judge call may make before it must answer; default 3. */
        public Builder maxToolRoundTrips(int max) {
            Checks.between(max, 1, 10, "maxToolRoundTrips");
            this.maxToolRoundTrips = max;
            return this;
        }

        /**
         * Sets every plain setting from {@code settings} (for example what a Spark spec or a project file carries),
         * each validated as its own builder method validates it.
         *
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public Builder settings(EvaluatorSettings settings) {
            Objects.requireNonNull(settings, "settings must not be null");
            maxConcurrentJudgeCalls(settings.maxConcurrentJudgeCalls());
            this.maxConcurrentCallsPerJudge = 0;
            if (settings.maxConcurrentCallsPerJudge() != 0) {
                maxConcurrentCallsPerJudge(settings.maxConcurrentCallsPerJudge());
            }
            maxJudgeOutputTokens(settings.maxJudgeOutputTokens());
            adaptiveConcurrency(settings.adaptiveConcurrency());
            callTimeout(settings.callTimeout());
            this.evaluationTimeout = Duration.ZERO;
            if (!settings.evaluationTimeout().isZero()) {
                evaluationTimeout(settings.evaluationTimeout());
            }
            maxCallAttempts(settings.maxCallAttempts());
            retryBackoff(settings.initialBackoff(), settings.maxBackoff());
            maxRetryAfter(settings.maxRetryAfter());
            retryBudget(settings.retryBudget());
            cacheMaximumSize(settings.cacheMaximumSize());
            cacheExpiry(settings.cacheExpiry());
            this.cache = settings.cache() || cacheDirectory != null;
            maxInFlightEvaluations(settings.maxInFlightEvaluations());
            maxPromptTokens(settings.maxPromptTokens());
            maxToolRoundTrips(settings.maxToolRoundTrips());
            selfJudging(settings.selfJudging());
            return this;
        }

        /** The plain settings as set so far. */
        public EvaluatorSettings settings() {
            return new EvaluatorSettings(maxConcurrentJudgeCalls, maxConcurrentCallsPerJudge, maxJudgeOutputTokens,
                    adaptiveConcurrency, callTimeout, evaluationTimeout, maxCallAttempts, initialBackoff, maxBackoff,
                    maxRetryAfter, retryBudget, cache, cacheMaximumSize, cacheExpiry, maxInFlightEvaluations, maxPromptTokens,
                    maxToolRoundTrips, selfJudging);
        }

        /**
         * Builds the evaluator.
         *
         * @throws IllegalArgumentException if {@code judgeLimits} names a judge the panel does not have, or the cache
         *                                  directory cannot be created or written
         */
        public RailguardEvaluator build() {
            for (String judge : judgeLimits.keySet()) {
                if (panel.judge(judge).isEmpty()) {
                    throw new IllegalArgumentException("judgeLimits names judge '" + judge + "', which the judge panel"
                            + " does not have; its judges are " + panel.all().stream().map(Judge::name).toList());
                }
            }
            if (cacheDirectory != null) {
                DiskCache.checkWritable(cacheDirectory);
            }
            return new RailguardEvaluator(this);
        }
    }
}
