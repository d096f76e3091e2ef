package dev.railguard.workflow;

import dev.railguard.api.Checks;
import dev.railguard.api.Thresholds;
import dev.railguard.engine.DocumentStore;
import dev.railguard.engine.EventIds;
import dev.railguard.engine.Judge;
import dev.railguard.metrics.PiiMetric;
import dev.railguard.event.EventInput;
import dev.railguard.event.EventObserver;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventRecorder;
import dev.railguard.event.EventSource;
import dev.railguard.event.internal.EventBook;
import dev.railguard.event.internal.EventRecords;
import dev.railguard.event.internal.EventRequests;
import dev.railguard.event.internal.PiiRedactingRecorder;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A guardrail workflow that repairs failing outputs (DeepRails Defend): metrics with thresholds, an improvement action
 * ({@link ImprovementAction#REGEN}, {@link ImprovementAction#FIXIT}, {@link ImprovementAction#DO_NOTHING}), an attempt
 * budget, capabilities for the judges and a generator for repairs.
 *
 * <pre>{@code
 * Workflow workflow = Workflow.builder()
 *     .name("support answers")
 *     .evaluator(evaluator)
 *     .metric("correctness", 0.9)                    // custom threshold
 *     .metric("completeness", Tolerance.LOW)         // automatic threshold, see Tolerance
 *     .improvementAction(ImprovementAction.FIXIT)
 *     .generator(chatModel)                          // repairs; never one of the judges
 *     .build();
 * WorkflowEvent submitted = workflow.submit(EventInput.of(input, output).withModelUsed("gpt-4o-mini")); // at once
 * WorkflowEvent done = workflow.completion(submitted.eventId()).join();
 * String answer = done.finalOutput().orElse(fallback);
 * }</pre>
 *
 * <p>The loop of an event: evaluate every metric; if one does not pass, improve (REGEN runs the original prompt on the
 * generator at temperature {@code regenTemperature + 0.1 * (attempt - 1)}, at most 1.5; FIXIT sends a repair prompt
 * with the original prompt, the failed output and the failing metrics' rationales and units); re-evaluate only the
 * metrics that did not pass, carrying the others over (assumed pass); stop when all pass or after
 * {@code maxImprovementAttempts}. Evaluations go through the {@link Evaluator} given, so its run modes, limits and
 * caching apply. Thread-safe.
 */
public final class Workflow implements AutoCloseable {

    // Why this file is longer than 400 lines: a workflow's public surface (submit, stream, lookup, update, statistics)
    // and its builder's documented settings sit together; the loop of one event lives in WorkflowRun and the event
    // book (running events, recent events, listeners) in event.internal.EventBook, shared with monitors.


    private final String id;
    private final EventRecorder recorder;
    private final Evaluator evaluator;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final boolean allowJudgeAsGenerator;
    private final double regenTemperature;
    private final Instant createdAt = Instant.now();
    private volatile Instant updatedAt = createdAt;
    private volatile WorkflowSettings settings;
    private volatile boolean closed;
    private final EventBook<WorkflowRun, WorkflowEvent> book;
    private final EventObserver observer;
    /** Where the workflow's files live: the builder's store, else the evaluator's; null when there is none. */
    private final DocumentStore documents;
    private final LongAdder processed = new LongAdder();
    private final LongAdder belowThreshold = new LongAdder();
    private final LongAdder improved = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder canceled = new LongAdder();

    private Workflow(Builder b) {
        this.id = b.id == null ? EventIds.next("wkfl") : b.id;
        this.recorder = PiiRedactingRecorder.as(b.redactPii, b.recorder);
        this.evaluator = Objects.requireNonNull(b.evaluator, "evaluator must not be null");
        this.allowJudgeAsGenerator = b.allowJudgeAsGenerator;
        this.regenTemperature = b.regenTemperature;
        this.observer = EventObserver.of(b.observers);
        EventRequests.requireName(b.name);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        Map<String, Tolerance> tolerances = new LinkedHashMap<>();
        for (Map.Entry<String, Object> m : b.metrics.entrySet()) {
            put(thresholds, tolerances, m.getKey(), m.getValue());
        }
        this.documents = b.documents;
        this.settings = validate(new WorkflowSettings(b.name, b.description, thresholds, tolerances, b.improvementAction,
                b.maxImprovementAttempts, b.capabilities, b.generator, b.active, b.fileIds));
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : newExecutor(b.threads);
        this.book = new EventBook<>("workflow " + id, b.retainedEvents, WorkflowRun::snapshot);
    }

    /** A builder; name, evaluator and at least one metric are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The workflow's id, {@code wkfl_...}. */
    public String id() {
        return id;
    }

    /** The current settings. */
    public WorkflowSettings settings() {
        return settings;
    }

    /** When the workflow was built. */
    public Instant createdAt() {
        return createdAt;
    }

    /** When the settings last changed. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** The evaluator the workflow asks. */
    public Evaluator evaluator() {
        return evaluator;
    }

    /**
     * Changes only what {@code update} names; events already submitted keep their settings.
     *
     * @throws IllegalArgumentException if the result would be invalid (no metric left, unknown metric, FIXIT or REGEN
     *                                  without a generator, ...); nothing changes then
     */
    public synchronized WorkflowSettings update(WorkflowUpdate update) {
        Objects.requireNonNull(update, "update must not be null");
        WorkflowSettings s = settings;
        Map<String, Double> thresholds = new LinkedHashMap<>(s.thresholds());
        Map<String, Tolerance> tolerances = new LinkedHashMap<>(s.tolerances());
        update.thresholds.forEach((m, t) -> put(thresholds, tolerances, m, t));
        update.tolerances.forEach((m, t) -> put(thresholds, tolerances, m, t));
        for (String m : update.removedMetrics) {
            if (!thresholds.containsKey(m)) {
                throw new IllegalArgumentException("removeMetric names '" + m + "', which is not among the workflow's"
                        + " metrics " + thresholds.keySet());
            }
            thresholds.remove(m);
            tolerances.remove(m);
        }
        WorkflowSettings next = validate(new WorkflowSettings(
                update.name != null ? update.name : s.name(),
                update.description != null ? update.description : s.description(),
                thresholds, tolerances,
                update.improvementAction != null ? update.improvementAction : s.improvementAction(),
                update.maxImprovementAttempts != null ? update.maxImprovementAttempts : s.maxImprovementAttempts(),
                update.capabilities != null ? update.capabilities : s.capabilities(),
                update.generator != null ? update.generator : s.generator(),
                update.active != null ? update.active : s.active(),
                update.fileIds != null ? update.fileIds : s.fileIds()));
        settings = next;
        updatedAt = Instant.now();
        return next;
    }

    /**
     * Submits an event and returns at once with its id and status {@code in_progress}; the loop runs in the
     * background. Problems with the request itself (unknown run mode for the panel, a metric's missing input, search
     * capabilities on {@code super_fast}) throw here. With a {@link Builder#recorder recorder}, it returns only once the
     * recorder holds the event durably; if the recorder refuses it, this throws and the event does not run.
     *
     * @throws IllegalStateException    if the workflow is inactive or closed
     * @throws IllegalArgumentException if {@code input} has no {@code modelUsed} (required, as in DeepRails' body,
     *                                  so the self-judging check can never be skipped), or the evaluator refuses the
     *                                  request
     */
    public WorkflowEvent submit(EventInput input) {
        return start(input).snapshot();
    }

    private WorkflowRun start(EventInput input) {
        Objects.requireNonNull(input, "input must not be null");
        WorkflowSettings s = settings;
        if (closed) {
            throw new IllegalStateException("workflow " + id + " ('" + s.name() + "') is closed");
        }
        if (!s.active()) {
            throw new IllegalStateException("workflow " + id + " ('" + s.name() + "') is inactive and refuses events;"
                    + " activate it with update(WorkflowUpdate.builder().active(true).build())");
        }
        EventRequests.requireModelUsed(input);
        EvaluationHandle initial = evaluator.submit(request(input, input.modelOutput(), s.metrics(), s, input.modelUsed()));
        WorkflowRun run = new WorkflowRun(this, EventIds.next("evt"), input, s, Instant.now());
        run.context = observer.captureContext(); // repairs are judged later, on the workflow's threads
        if (recorder != null) {
            try {
                recorder.accepted(WorkflowRecords.of(run.snapshot(), input)); // durable before it is acknowledged
            } catch (RuntimeException e) {
                initial.cancel();
                throw e;
            }
        }
        book.started(run.eventId, run);
        run.start(initial);
        return run;
    }

    /**
     * Submits an event and streams its final text as token-sized chunks: the original output if it passed, the
     * improved one otherwise. The publisher signals {@link OutputFilteredException} when there is no text to forward
     * (flagged under {@code do_nothing}, every attempt failed, the event failed or was canceled).
     *
     * @throws IllegalArgumentException for {@code precision_max} and {@code precision_max_codex}, as DeepRails
     */
    public Flow.Publisher<String> submitAndStream(EventInput input) {
        Objects.requireNonNull(input, "input must not be null");
        if (input.runMode() == RunMode.PRECISION_MAX || input.runMode() == RunMode.PRECISION_MAX_CODEX) {
            throw new IllegalArgumentException("runMode '" + input.runMode().wireName() + "' does not support"
                    + " streaming: streaming is supported on every run mode except precision_max and"
                    + " precision_max_codex (as in DeepRails); use submit(...) or another run mode");
        }
        WorkflowRun run = start(input);
        return new TextChunkPublisher(run.done.thenApply(e -> e.finalOutput().orElseThrow(() -> new OutputFilteredException(e))));
    }

    /** The event {@code eventId} as it stands: running, or among the retained recent events. */
    public Optional<WorkflowEvent> event(String eventId) {
        return book.event(eventId);
    }

    /**
     * A future of the event's terminal snapshot.
     *
     * @throws NoSuchElementException if the event is neither running nor retained
     */
    public CompletableFuture<WorkflowEvent> completion(String eventId) {
        WorkflowRun run = book.running(eventId);
        if (run != null) {
            return run.done.copy();
        }
        return book.retained(eventId).map(CompletableFuture::completedFuture).orElseThrow(() -> new NoSuchElementException(
                "no event '" + eventId + "' in workflow " + id + " (neither running nor among the "
                        + book.capacity() + " retained recent events)"));
    }

    /** Cancels a running event; false if it is not running (unknown or already terminal). */
    public boolean cancel(String eventId) {
        WorkflowRun run = book.running(eventId);
        return run != null && run.cancel("canceled by the caller");
    }

    /** Counts so far. */
    public WorkflowStats stats() {
        return new WorkflowStats(processed.sum(), belowThreshold.sum(), improved.sum(), failed.sum(), canceled.sum(),
                book.runningCount());
    }

    /** The 10 most recent terminal events, newest first (DeepRails' default {@code limit}). */
    public List<WorkflowEvent> recentEvents() {
        return recentEvents(10);
    }

    /** Up to {@code limit} recent terminal events, newest first. */
    public List<WorkflowEvent> recentEvents(int limit) {
        return book.recentEvents(limit);
    }

    /** Calls {@code listener} with every event that reaches a terminal status (the in-process webhook). */
    public void addListener(Consumer<? super WorkflowEvent> listener) {
        book.addListener(listener);
    }

    /**
     * A LangChain4j output guardrail that judges an AI service's answers with this workflow's metrics and, on failure,
     * asks LangChain4j to re-prompt (FIXIT) or retry (REGEN); see {@link WorkflowOutputGuardrail}.
     */
    public WorkflowOutputGuardrail outputGuardrail() {
        return new WorkflowOutputGuardrail(this);
    }

    /** Cancels every running event (recorded as canceled) and stops the workflow's own threads. */
    @Override
    public void close() {
        closed = true;
        for (WorkflowRun run : book.running()) {
            run.cancel("the workflow was closed");
        }
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        WorkflowSettings s = settings;
        return "Workflow{" + id + ", '" + s.name() + "', " + s.thresholds() + ", " + s.improvementAction() + "}";
    }

    // ---- package-private hooks used by WorkflowRun and the guardrail ----

    ExecutorService executor() {
        return executor;
    }

    double regenTemperature() {
        return regenTemperature;
    }

    DocumentStore documents() {
        return documents;
    }

    void countBelowThreshold() {
        belowThreshold.increment();
    }

    /** Evaluates {@code output} once on every metric, synchronously (the guardrail adapter). */
    EvaluationResult evaluateOnce(ModelInput input, String output, String modelUsed) {
        WorkflowSettings s = settings;
        return evaluator.evaluate(request(new EventInput(input, output, modelUsed, RunMode.FAST, null), output,
                s.metrics(), s, modelUsed));
    }

    EvaluationRequest request(EventInput input, String output, List<String> metrics, WorkflowSettings s, String modelUsed) {
        return EventRequests.request(EventRequests.withFileIds(input, s.fileIds()), output, modelUsed, metrics,
                s.capabilities(), s.thresholds());
    }

    String generatorModelName(WorkflowSettings s) {
        return s.generator() == null ? null : Judge.of("generator", s.generator()).modelName();
    }

    /** Records a terminal event: counted, then retained, heard by the listeners and no longer running. */
    void finished(WorkflowRun run, WorkflowEvent event) {
        switch (event.status()) {
            case COMPLETED -> {
                processed.increment();
                if (event.improvementToolStatus() == ImprovementToolStatus.IMPROVED) {
                    improved.increment();
                }
            }
            case FAILED -> failed.increment();
            case CANCELED -> canceled.increment();
            default -> { }
        }
        if (recorder != null) {
            EventRecords.updated(recorder, WorkflowRecords.of(event, run.input));
        }
        observer.workflowEventFinished(settings.name(), event.status(), event.evaluationHistory().size(),
                event.improvementToolStatus() == ImprovementToolStatus.IMPROVED);
        book.finished(run.eventId, event);
    }

    /**
     * Runs again the events that this workflow's recorder holds as accepted but never finished (the process died,
     * say), from their initial evaluation, each under its own id and creation time. An event that cannot be read back
     * or evaluated is recorded as {@code failed} with the reason; the others still run. Call it once, after building
     * the workflow with the same {@link Builder#id(String) id}.
     *
     * @return how many events were started again
     * @throws IllegalStateException when the workflow has no recorder, or is closed
     */
    public int resume() {
        if (recorder == null) {
            throw new IllegalStateException("workflow " + id + " has no recorder to resume from; give one with"
                    + " Workflow.builder().recorder(...)");
        }
        WorkflowSettings s = settings;
        if (closed) {
            throw new IllegalStateException("workflow " + id + " ('" + s.name() + "') is closed");
        }
        int started = 0;
        for (EventRecord r : recorder.pending(EventSource.WORKFLOW, id)) {
            if (book.running(r.eventId()) != null) {
                continue;
            }
            EvaluationHandle initial;
            try {
                initial = evaluator.submit(request(r.input(), r.input().modelOutput(), s.metrics(), s,
                        r.input().modelUsed()));
            } catch (RuntimeException e) {
                EventRecords.updated(recorder, EventRecords.failed(r, "could not resume: " + e.getMessage()));
                continue;
            }
            WorkflowRun run = new WorkflowRun(this, r.eventId(), r.input(), s, r.createdAt());
            book.started(run.eventId, run);
            run.start(initial);
            started++;
        }
        return started;
    }

    // ---- validation ----

    private void put(Map<String, Double> thresholds, Map<String, Tolerance> tolerances, String metric, Object value) {
        EventRequests.requireKnownMetric(evaluator, metric);
        if (value instanceof Tolerance t) {
            thresholds.put(metric, t.threshold(metric, defaultThreshold(metric)));
            tolerances.put(metric, t);
        } else {
            thresholds.put(metric, (Double) value);
            tolerances.remove(metric);
        }
    }

    /** The {@code pii} check registered as {@code metric} in this workflow's evaluator, if it is one. */
    Optional<PiiMetric> piiMetric(String metric) {
        return evaluator.metric(metric).filter(PiiMetric.class::isInstance).map(PiiMetric.class::cast);
    }

    private double defaultThreshold(String metric) {
        return evaluator.metric(metric).map(GuardrailMetric::defaultThreshold).orElse(0.8);
    }

    private WorkflowSettings validate(WorkflowSettings s) {
        if (s.thresholds().isEmpty()) {
            throw new IllegalArgumentException("metrics must name at least one metric, but was: []");
        }
        Objects.requireNonNull(s.improvementAction(), "improvementAction must not be null");
        if (s.improvementAction().improves() && s.generator() == null) {
            throw new IllegalArgumentException("generator must be set when improvementAction is '"
                    + s.improvementAction().wireName() + "': give the ChatModel that regenerates or repairs outputs");
        }
        if (!s.fileIds().isEmpty() && documents == null) {
            throw new IllegalArgumentException("fileIds " + s.fileIds() + " need the DocumentStore that holds them,"
                    + " for FIXIT's generator to search: give it with documents(store), for example the evaluator's"
                    + " documents()");
        }
        Optional<String> judge = s.generator() == null ? Optional.empty() : evaluator.judgeUsing(s.generator());
        if (judge.isPresent() && !allowJudgeAsGenerator) {
            throw new IllegalArgumentException("generator is the model of judge '" + judge.get() + "'; a workflow"
                    + " never repairs outputs with one of its judges unless allowJudgeAsGenerator(true) says so");
        }
        return s;
    }

    static void checkThreshold(String metric, double threshold) {
        Objects.requireNonNull(metric, "metric must not be null");
        Thresholds.check(threshold, "threshold of metric '" + metric + "'");
    }

    static void checkAttempts(int attempts) {
        Checks.between(attempts, 1, 100, "maxImprovementAttempts");
    }

    private static ExecutorService newExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "railguard-workflow-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Builds a {@link Workflow}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String description = "";
        private final Map<String, Object> metrics = new LinkedHashMap<>();
        private ImprovementAction improvementAction = ImprovementAction.DO_NOTHING;
        private int maxImprovementAttempts = 10;
        private Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private List<String> fileIds = List.of();
        private DocumentStore documents;
        private ChatModel generator;
        private boolean allowJudgeAsGenerator;
        private boolean active = true;
        private Evaluator evaluator;
        private ExecutorService executor;
        private int threads = 4;
        private int retainedEvents = 1000;
        private double regenTemperature = 0.9;
        private final List<EventObserver> observers = new ArrayList<>();

        private String id;
        private EventRecorder recorder;
        private boolean redactPii;

        private Builder() {}

        /**
         * The workflow's id, {@code wkfl_} and 1 to 60 letters, digits or underscores; default a fresh random one.
         * Give the same id after a restart to {@link Workflow#resume()} its unfinished events.
         */
        public Builder id(String id) {
            this.id = EventRequests.requireId(id, "wkfl_");
            return this;
        }

        /**
         * Where events are recorded beyond memory (the event store's {@code recorder()}): each event is recorded
         * before {@link Workflow#submit} returns, and again when it ends. Default none.
         */
        public Builder recorder(EventRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder must not be null");
            return this;
        }

        /**
         * Whether the recorder gets each event with its personal data masked ({@code PiiRedactor.typeTags()}: what
         * the {@code pii} check finds in the prompts, context, documents, output, results and event detail becomes
         * {@code <EMAIL_ADDRESS>}, {@code <CREDIT_CARD>}, ...), so the event store never holds it. The evaluation
         * itself sees the original text; events resumed from the store are the redacted ones. Default false; needs a
         * {@link #recorder}.
         */
        public Builder redactPii(boolean redactPii) {
            this.redactPii = redactPii;
            return this;
        }

        /**
         * Adds observers of this workflow's events (Micrometer meters from {@code evaluation-telemetry}, or your own);
         * an observer that throws is logged and never breaks an event. Spans and judge meters come from the
         * evaluator's own observers ({@code RailguardEvaluator.Builder.observer}); an OpenTelemetry observer given here
         * too carries the span current at {@link Workflow#submit} to the evaluations of the repairs, which run later on
         * the workflow's threads.
         */
        public Builder observer(EventObserver... observers) {
            for (int i = 0; i < observers.length; i++) {
                this.observers.add(Objects.requireNonNull(observers[i], "observers[" + i + "] must not be null"));
            }
            return this;
        }

        /** The workflow's name (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A description. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description must not be null");
            return this;
        }

        /** Adds {@code metric} with a custom threshold in 0..1. */
        public Builder metric(String metric, double threshold) {
            checkThreshold(metric, threshold);
            metrics.put(metric, threshold);
            return this;
        }

        /**
         * Adds {@code metric} with an automatic threshold; see {@link Tolerance} for the numbers. A metric outside the
         * tolerance table uses the default threshold the evaluator gives for it ({@link Evaluator#metric}), else 0.8.
         */
        public Builder metric(String metric, Tolerance tolerance) {
            Objects.requireNonNull(metric, "metric must not be null");
            metrics.put(metric, Objects.requireNonNull(tolerance, "tolerance must not be null"));
            return this;
        }

        /** What to do with failing outputs; default {@code do_nothing} (REGEN and FIXIT need a generator). */
        public Builder improvementAction(ImprovementAction action) {
            this.improvementAction = Objects.requireNonNull(action, "improvementAction must not be null");
            return this;
        }

        /** The attempt budget per event, 1..100; default 10. */
        public Builder maxImprovementAttempts(int attempts) {
            checkAttempts(attempts);
            this.maxImprovementAttempts = attempts;
            return this;
        }

        /** Capabilities passed into every evaluation (web search, file search, context awareness). */
        public Builder capabilities(Capability... capabilities) {
            this.capabilities = EventRequests.capabilitySet(capabilities);
            return this;
        }

        /**
         * The files (the {@code file_} ids of the evaluator's documents) the judges may search in this workflow's
         * evaluations, and FIXIT's generator may search when it repairs an output, as DeepRails attaches files to a
         * workflow. Default none: judges may search any registered document, the generator none.
         */
        public Builder fileIds(String... fileIds) {
            this.fileIds = List.copyOf(Arrays.asList(Objects.requireNonNull(fileIds, "fileIds must not be null")));
            return this;
        }

        /**
         * Where the files of {@link #fileIds} live, for FIXIT's generator to search (the judges search the evaluator's
         * own store): usually the evaluator's {@code documents()}. Required with {@code fileIds}.
         */
        public Builder documents(DocumentStore documents) {
            this.documents = Objects.requireNonNull(documents, "documents must not be null");
            return this;
        }

        /** The model that regenerates (REGEN) or repairs (FIXIT) outputs. */
        public Builder generator(ChatModel generator) {
            this.generator = Objects.requireNonNull(generator, "generator must not be null");
            return this;
        }

        /** Allows the generator to be one of the evaluator's judges; default false (such a generator is refused). */
        public Builder allowJudgeAsGenerator(boolean allow) {
            this.allowJudgeAsGenerator = allow;
            return this;
        }

        /** Whether the workflow starts active; default true. */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** The evaluator that judges (required). */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
            return this;
        }

        /** The executor the loop's steps and generator calls run on; default a pool of {@link #threads} daemon threads. */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /** Threads of the workflow's own executor, 1..256; default 4. */
        public Builder threads(int threads) {
            Checks.between(threads, 1, 256, "threads");
            this.threads = threads;
            return this;
        }

        /** How many terminal events are kept for lookup and {@link #recentEvents}; default 1000. */
        public Builder retainedEvents(int retained) {
            Checks.atLeast(retained, 1, "retainedEvents");
            this.retainedEvents = retained;
            return this;
        }

        /** The REGEN temperature of the first attempt, 0..1.5; each further attempt adds 0.1, up to 1.5. Default 0.9. */
        public Builder regenTemperature(double temperature) {
            Checks.between(temperature, 0.0, 1.5, "regenTemperature");
            this.regenTemperature = temperature;
            return this;
        }

        /**
         * Builds the workflow.
         *
         * @throws IllegalArgumentException naming what is wrong (no metric, unknown metric, no generator for REGEN or
         *                                  FIXIT, a judge as generator)
         */
        public Workflow build() {
            return new Workflow(this);
        }
    }
}
