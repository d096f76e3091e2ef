package dev.railguard.monitor;

import dev.railguard.engine.EvaluationFailures;

import dev.railguard.engine.EventIds;
import dev.railguard.event.EventInput;
import dev.railguard.event.EventObserver;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventRecorder;
import dev.railguard.event.EventSource;
import dev.railguard.event.internal.EventBook;
import dev.railguard.event.internal.EventRecords;
import dev.railguard.event.internal.EventRequests;
import dev.railguard.event.internal.PiiRedactingRecorder;

import dev.railguard.api.Capability;
import dev.railguard.api.Checks;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Evaluator;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only evaluation pipeline over production events (DeepRails Monitor): a fixed metric set, events taken without
 * blocking the caller and evaluated in the background, and statistics in bounded memory however many events pass.
 *
 * <pre>{@code
 * try (Monitor monitor = Monitor.builder().name("support bot").evaluator(evaluator)
 *         .metrics("correctness", "comprehensive_safety").build()) {
 *     MonitorEvent queued = monitor.submit(EventInput.of(input, output).withNametag("staging"));
 *     ...
 *     monitor.stats();                       // total, completed, failed, queued, in progress, canceled, rejected
 *     monitor.distribution("correctness");   // pass rate and a 10-bin score histogram
 *     monitor.nametags();                    // the same per nametag
 * }
 * }</pre>
 *
 * <p><b>Intake.</b> {@link #submit} never blocks: the event goes into a bounded queue ({@code queueCapacity}, default
 * 10,000). When the queue is full the policy is <b>reject</b>: the event is recorded at once as {@code failed} with the
 * reason, counted in {@code failedEvaluations} and {@code rejectedEvaluations}, handed to the listeners, and returned
 * to the caller with that status, so nothing is dropped silently. A dispatcher thread takes events from the queue and
 * evaluates at most {@code maxInFlight} (default 16) at a time through the {@link Evaluator}.
 *
 * <p><b>Memory.</b> What the monitor keeps does not grow with the number of events: counters, one fixed histogram per
 * metric, at most {@code maxNametags} (default 100) nametag buckets (further tags count under {@code "(other)"}), the
 * events in the queue or in flight, and the {@code retainedEvents} (default 1,000) most recent terminal events, which
 * are what {@link #event}, {@link #recentEvents} and {@link #exportJsonLines} see. To keep every event, add a listener
 * (for example one that writes {@link MonitorEvent#toJson()} lines to a file).
 *
 * <p><b>Closing.</b> {@link #close()} finishes what is queued; {@link #close(boolean) close(true)} cancels it (and what is
 * in flight), recording each as {@code canceled}. Thread-safe.
 */
public final class Monitor implements AutoCloseable {

    // Why this file is longer than 400 lines: a monitor's public surface (intake, lookup, statistics, closing) and its
    // builder's documented settings sit together; the counting lives in MonitorCounters and the event book (running
    // events, recent events, listeners) in event.internal.EventBook, shared with workflows.

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final String id;
    private final EventRecorder recorder;
    private final Evaluator evaluator;
    private volatile MonitorSettings settings;
    private final int queueCapacity;
    private final Instant createdAt = Instant.now();
    private volatile String name;
    private volatile String description;
    private volatile boolean active;
    private volatile boolean closed;

    private final ArrayBlockingQueue<MonitorRun> queue;
    private final Semaphore inFlight;
    private final EventBook<MonitorRun, MonitorEvent> book;
    private final EventObserver observer;
    private final Thread dispatcher;

    private final AtomicInteger running = new AtomicInteger();
    private final MonitorCounters counters;

    private Monitor(Builder b) {
        this.id = b.id == null ? EventIds.next("mon") : b.id;
        this.recorder = PiiRedactingRecorder.as(b.redactPii, b.recorder);
        this.evaluator = Objects.requireNonNull(b.evaluator, "evaluator must not be null");
        EventRequests.requireName(b.name);
        this.settings = new MonitorSettings(MonitorSettings.checkMetrics(b.metrics, evaluator), b.capabilities,
                b.fileIds);
        this.name = b.name;
        this.observer = EventObserver.of(b.observers);
        this.description = b.description;
        this.active = b.active;
        this.queueCapacity = b.queueCapacity;
        this.counters = new MonitorCounters(b.metrics, b.maxNametags);
        this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
        this.inFlight = new Semaphore(b.maxInFlight);
        this.book = new EventBook<>("monitor " + id, b.retainedEvents, MonitorRun::snapshot);
        this.dispatcher = new Thread(this::dispatch, "railguard-monitor-" + id);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** A builder; name, evaluator and at least one metric are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The monitor's id, {@code mon_...}. */
    public String id() {
        return id;
    }

    /** The monitor's name. */
    public String name() {
        return name;
    }

    /** The monitor's description. */
    public String description() {
        return description;
    }

    /** The metric set (what an event runs unless it selects a subset). */
    public List<String> metrics() {
        return settings.metrics();
    }

    /** The capabilities events may enable; an event that names none gets all of them. */
    public Set<Capability> capabilities() {
        return settings.capabilities();
    }

    /** The files judges may search (DeepRails attaches files to a monitor); empty: any registered document. */
    public List<String> fileIds() {
        return settings.fileIds();
    }

    /**
     * Changes the metrics, capabilities or files that {@code update} names, as DeepRails' monitor update does. Events
     * already accepted keep the settings they were accepted under; later events get the new ones.
     *
     * @throws IllegalArgumentException if the new metric set is empty, names a metric twice or one the evaluator
     *                                  does not know
     */
    public synchronized void update(MonitorUpdate update) {
        Objects.requireNonNull(update, "update must not be null");
        MonitorSettings next = settings.apply(update, evaluator);
        counters.addMetrics(next.metrics());
        settings = next;
    }

    /** When the monitor was built. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Whether the monitor records events. */
    public boolean active() {
        return active;
    }

    /** Activates or deactivates the monitor (an inactive monitor refuses events; queued ones still finish). */
    public void active(boolean active) {
        this.active = active;
    }

    /** Renames the monitor. */
    public void name(String name) {
        this.name = EventRequests.requireName(name);
    }

    /** Changes the description. */
    public void description(String description) {
        this.description = Objects.requireNonNull(description, "description must not be null");
    }

    /**
     * Takes an event without blocking: returns it {@code queued}, or {@code failed} with the reason when the intake
     * queue is full (see the class comment). With a {@link Builder#recorder recorder}, it first waits until the
     * recorder holds the event durably; if the recorder refuses it, this throws and the event is not taken.
     *
     * @throws IllegalStateException    if the monitor is inactive or closed
     * @throws IllegalArgumentException if the event cannot form a valid request (for example search capabilities on
     *                                  {@code super_fast}) or one the evaluator refuses in {@code Evaluator.validate}
     *                                  (a missing ground truth, self-judging, a tier the panel lacks)
     */
    public MonitorEvent submit(EventInput input) {
        return submit(input, EventSelection.MONITOR_DEFAULTS);
    }

    /**
     * As {@link #submit(EventInput)}, evaluating the event on {@code selection}: a subset of the monitor's metrics,
     * the capabilities it enables and the files its judges may search, within what the monitor allows.
     *
     * @throws IllegalArgumentException also when {@code selection} names a metric, capability or file the monitor
     *                                  does not have
     */
    public MonitorEvent submit(EventInput input, EventSelection selection) {
        Objects.requireNonNull(input, "input must not be null");
        Objects.requireNonNull(selection, "selection must not be null");
        if (closed) {
            throw new IllegalStateException("monitor " + id + " ('" + name + "') is closed");
        }
        if (!active) {
            throw new IllegalStateException("monitor " + id + " ('" + name + "') is inactive and no longer records"
                    + " events; activate it with active(true)");
        }
        MonitorSettings chosen = settings.resolve(selection, id);
        EvaluationRequest request = EventRequests.request(EventRequests.withFileIds(input, chosen.fileIds()),
                input.modelOutput(), input.modelUsed(), chosen.metrics(), chosen.capabilities(), Map.of());
        // as a workflow does: a request the evaluator would refuse fails here, not later as a failed event
        evaluator.validate(request);
        MonitorRun run = new MonitorRun(EventIds.next("evt"), id, input, request);
        if (recorder != null) {
            recorder.accepted(MonitorRecords.of(run.snapshot(), input)); // durable before it is acknowledged
        }
        run.context = observer.captureContext();
        counters.total.increment();
        book.started(run.eventId, run);
        if (!queue.offer(run)) {
            counters.rejected.increment();
            observer.monitorIntake(name, false);
            LOG.warn("monitor {} ('{}') rejected event {}: the intake queue is full (capacity {}); recorded as failed",
                    id, name, run.eventId, queueCapacity);
            MonitorEvent event = run.finish(EvaluationStatus.FAILED, null, "rejected: the intake queue of monitor " + id
                    + " was full (capacity " + queueCapacity + "); policy: reject, recorded as failed");
            finished(run, event);
            return event;
        }
        observer.monitorIntake(name, true);
        return run.snapshot();
    }

    /** The event {@code eventId}: queued, in flight, or among the retained recent events. */
    public Optional<MonitorEvent> event(String eventId) {
        return book.event(eventId);
    }

    /**
     * Cancels a queued or running event, recording it as {@code canceled}; false if it is not queued or running.
     */
    public boolean cancel(String eventId) {
        MonitorRun run = book.running(eventId);
        return run != null && cancel(run, "canceled by the caller");
    }

    private boolean cancel(MonitorRun run, String reason) {
        boolean wasQueued = queue.remove(run);
        EvaluationHandle h = run.handle();
        MonitorEvent event = run.finish(EvaluationStatus.CANCELED, null, reason);
        if (event == null) {
            return false;
        }
        if (h != null) {
            h.cancel();
        }
        finished(run, event);
        LOG.debug("monitor {} canceled event {} ({})", id, run.eventId, wasQueued ? "queued" : "in flight");
        return true;
    }

    /** Counts now. */
    public MonitorStats stats() {
        return new MonitorStats(counters.total.sum(), counters.completed.sum(), counters.failed.sum(), queue.size(),
                running.get(), counters.canceled.sum(), counters.rejected.sum());
    }

    /** The 10 most recent terminal events, newest first. */
    public List<MonitorEvent> recentEvents() {
        return recentEvents(10);
    }

    /** Up to {@code limit} recent terminal events, newest first. */
    public List<MonitorEvent> recentEvents(int limit) {
        return book.recentEvents(limit);
    }

    /**
     * Pass rate and score histogram of {@code metric} over completed events.
     *
     * @throws IllegalArgumentException if the monitor does not evaluate {@code metric}
     */
    public MetricDistribution distribution(String metric) {
        MetricDistribution d = counters.distribution(metric);
        if (d == null) {
            throw new IllegalArgumentException("metric '" + metric + "' is not evaluated by monitor " + id
                    + "; its metrics are " + settings.metrics());
        }
        return d;
    }

    /** The distribution of every metric, in the monitor's order. */
    public Map<String, MetricDistribution> distributions() {
        return counters.distributions();
    }

    /** Counts per nametag (at most {@code maxNametags} tags, plus {@code "(none)"} and {@code "(other)"}). */
    public Map<String, NametagStats> nametags() {
        return counters.nametags();
    }

    /** Writes the retained terminal events, oldest first, one JSON object per line; returns how many. */
    public int exportJsonLines(Writer out) {
        return book.exportJsonLines(out, MonitorEvent::toJson);
    }

    /** Calls {@code listener} with every event that reaches a terminal status, rejected ones included. */
    public void addListener(Consumer<? super MonitorEvent> listener) {
        book.addListener(listener);
    }

    /**
     * Waits until nothing is queued or in flight, at most {@code timeout}.
     *
     * @return whether the monitor became idle in time
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return book.awaitIdle(timeout);
    }

    /** Refuses new events and finishes what is queued and in flight, then stops the dispatcher. */
    @Override
    public void close() {
        close(false);
    }

    /**
     * Refuses new events; then either finishes ({@code cancelPending == false}) or cancels ({@code true}) what is
     * queued and in flight. Canceled events are recorded as {@code canceled}. Waits for the dispatcher to stop.
     */
    public void close(boolean cancelPending) {
        if (closed) {
            return;
        }
        closed = true;
        if (cancelPending) {
            List<MonitorRun> drained = new ArrayList<>();
            queue.drainTo(drained);
            for (MonitorRun run : drained) {
                cancel(run, "canceled: the monitor was closed");
            }
            for (MonitorRun run : book.running()) {
                cancel(run, "canceled: the monitor was closed");
            }
        } else {
            try {
                awaitIdle(Duration.ofDays(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatcher.interrupt();
        try {
            dispatcher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // an event that raced the close into the queue is recorded, not lost
        List<MonitorRun> leftovers = new ArrayList<>();
        queue.drainTo(leftovers);
        for (MonitorRun run : leftovers) {
            cancel(run, "canceled: the monitor was closed");
        }
    }

    @Override
    public String toString() {
        return "Monitor{" + id + ", '" + name + "', " + settings.metrics() + ", " + stats() + "}";
    }

    // ---- internals ----

    /** Events queued or in flight (bounded by queueCapacity + maxInFlight + 1). */
    int liveEventCount() {
        return book.runningCount();
    }

    /** Terminal events retained (bounded by retainedEvents). */
    int retainedEventCount() {
        return book.retainedCount();
    }

    /** Nametag buckets (bounded by maxNametags + 2). */
    int nametagBucketCount() {
        return counters.nametagBucketCount();
    }

    private void dispatch() {
        while (true) {
            MonitorRun run;
            try {
                run = queue.take();
            } catch (InterruptedException e) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                // taken from the queue but not started: it must not vanish (close() no longer sees it in the queue)
                cancel(run, "canceled: the monitor was closed");
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            if (!run.start()) {
                inFlight.release();
                continue;
            }
            running.incrementAndGet();
            EvaluationHandle handle;
            try {
                EvaluationHandle[] submitted = new EvaluationHandle[1];
                run.context.execute(() -> submitted[0] = evaluator.submit(run.request));
                handle = Objects.requireNonNull(submitted[0], "the evaluation was not submitted");
            } catch (RuntimeException e) {
                inFlight.release();
                running.decrementAndGet();
                complete(run, null, e);
                continue;
            }
            run.handle(handle);
            if (run.status() == EvaluationStatus.CANCELED) {
                handle.cancel(); // canceled between start() and handle(): cancel() saw no handle to cancel
            }
            handle.result().whenComplete((r, e) -> {
                inFlight.release();
                running.decrementAndGet();
                complete(run, r, e);
            });
        }
    }

    private void complete(MonitorRun run, EvaluationResult r, Throwable e) {
        MonitorEvent event;
        if (e != null && EvaluationFailures.isCancellation(e)) {
            event = run.finish(EvaluationStatus.CANCELED, null, "the evaluation was canceled");
        } else if (e != null) {
            event = run.finish(EvaluationStatus.FAILED, null, "evaluation failed: " + EvaluationFailures.describe(e));
        } else if (r.status() == EvaluationStatus.CANCELED) {
            event = run.finish(EvaluationStatus.CANCELED, null, r.failure() == null ? "canceled" : r.failure());
        } else if (r.status() != EvaluationStatus.COMPLETED) {
            event = run.finish(EvaluationStatus.FAILED, r, "evaluation ended " + r.status().wireName() + ": " + r.failure());
        } else {
            event = run.finish(EvaluationStatus.COMPLETED, r, null);
        }
        if (event != null) {
            finished(run, event);
        }
    }

    /** Records a terminal event: counted, then retained, heard by the listeners and no longer live. */
    private void finished(MonitorRun run, MonitorEvent event) {
        counters.record(event);
        if (recorder != null) {
            EventRecords.updated(recorder, MonitorRecords.of(event, run.input));
        }
        observer.monitorEventFinished(name, event.status(), event.result().orElse(null));
        book.finished(run.eventId, event);
    }

    /**
     * Evaluates again the events that this monitor's recorder holds as accepted but never finished (the process died,
     * say): each is queued under its own id and creation time. An event that cannot be read back is recorded as
     * {@code failed} with the reason; the others still run. Call it once, after building the monitor with the same
     * {@link Builder#id(String) id}.
     *
     * @return how many events were queued
     * @throws IllegalStateException when the monitor has no recorder, or is closed
     */
    public int resume() {
        if (recorder == null) {
            throw new IllegalStateException("monitor " + id + " has no recorder to resume from; give one with"
                    + " Monitor.builder().recorder(...)");
        }
        if (closed) {
            throw new IllegalStateException("monitor " + id + " ('" + name + "') is closed");
        }
        int queued = 0;
        for (EventRecord r : recorder.pending(EventSource.MONITOR, id)) {
            if (book.running(r.eventId()) != null) {
                continue;
            }
            EvaluationRequest request;
            try {
                MonitorSettings now = settings;
                request = EventRequests.request(EventRequests.withFileIds(r.input(), now.fileIds()),
                        r.input().modelOutput(), r.input().modelUsed(), now.metrics(), now.capabilities(), Map.of());
            } catch (RuntimeException e) {
                EventRecords.updated(recorder, EventRecords.failed(r, "could not resume: " + e.getMessage()));
                continue;
            }
            MonitorRun run = new MonitorRun(r.eventId(), id, r.input(), request, r.createdAt());
            counters.total.increment();
            book.started(run.eventId, run);
            if (!queue.offer(run)) {
                counters.rejected.increment();
                finished(run, run.finish(EvaluationStatus.FAILED, null, "rejected on resume: the intake queue of"
                        + " monitor " + id + " was full (capacity " + queueCapacity + ")"));
                continue;
            }
            queued++;
        }
        return queued;
    }

    /** Builds a {@link Monitor}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String description = "";
        private final List<String> metrics = new ArrayList<>();
        private Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private List<String> fileIds = List.of();
        private Evaluator evaluator;
        private boolean active = true;
        private int queueCapacity = 10_000;
        private int maxInFlight = 16;
        private int retainedEvents = 1000;
        private int maxNametags = 100;
        private String id;
        private EventRecorder recorder;
        private boolean redactPii;
        private final List<EventObserver> observers = new ArrayList<>();

        private Builder() {}

        /**
         * The monitor's id, {@code mon_} and 1 to 60 letters, digits or underscores; default a fresh random one. Give
         * the same id after a restart to {@link Monitor#resume()} its unfinished events.
         */
        public Builder id(String id) {
            this.id = EventRequests.requireId(id, "mon_");
            return this;
        }

        /**
         * Where events are recorded beyond memory (the event store's {@code recorder()}): each event is recorded
         * before {@link Monitor#submit} returns, and again when it ends. Default none.
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
         * Adds observers of this monitor's events (Micrometer meters from {@code evaluation-telemetry}, or your own);
         * an observer that throws is logged and never breaks an event. Spans and judge meters come from the
         * evaluator's own observers ({@code RailguardEvaluator.Builder.observer}); an OpenTelemetry observer given here
         * too carries the span current at {@link Monitor#submit} to the evaluation the monitor submits later.
         */
        public Builder observer(EventObserver... observers) {
            for (int i = 0; i < observers.length; i++) {
                this.observers.add(Objects.requireNonNull(observers[i], "observers[" + i + "] must not be null"));
            }
            return this;
        }

        /** The monitor's name (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A description. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description must not be null");
            return this;
        }

        /** The fixed metric set (required, at least one). */
        public Builder metrics(String... metrics) {
            this.metrics.clear();
            for (String m : metrics) {
                Objects.requireNonNull(m, "metrics[] must not be null");
                if (this.metrics.contains(m)) {
                    throw new IllegalArgumentException("metrics must not name a metric twice, but '" + m
                            + "' appears more than once in " + Arrays.asList(metrics));
                }
                this.metrics.add(m);
            }
            return this;
        }

        /**
         * The files the judges may search (the {@code file_} ids of the evaluator's documents, as DeepRails attaches
         * files to a monitor); an event may restrict its search further. Default none: any registered document.
         */
        public Builder fileIds(String... fileIds) {
            this.fileIds = List.copyOf(Arrays.asList(Objects.requireNonNull(fileIds, "fileIds must not be null")));
            return this;
        }

        /**
         * The capabilities events may enable (and get when they name none); default none.
         */
        public Builder capabilities(Capability... capabilities) {
            this.capabilities = EventRequests.capabilitySet(capabilities);
            return this;
        }

        /** The evaluator (required). */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
            return this;
        }

        /** Whether the monitor starts active; default true. */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** Capacity of the intake queue, 1..1,000,000; default 10,000. */
        public Builder queueCapacity(int capacity) {
            Checks.between(capacity, 1, 1_000_000, "queueCapacity");
            this.queueCapacity = capacity;
            return this;
        }

        /** How many events are evaluated at once, 1..1024; default 16. */
        public Builder maxInFlight(int max) {
            Checks.between(max, 1, 1024, "maxInFlight");
            this.maxInFlight = max;
            return this;
        }

        /** How many terminal events are kept for lookup, listing and export, 1..1,000,000; default 1,000. */
        public Builder retainedEvents(int retained) {
            Checks.between(retained, 1, 1_000_000, "retainedEvents");
            this.retainedEvents = retained;
            return this;
        }

        /** How many distinct nametags get their own bucket, 0..10,000; default 100. */
        public Builder maxNametags(int max) {
            Checks.between(max, 0, 10_000, "maxNametags");
            this.maxNametags = max;
            return this;
        }

        /**
         * Builds and starts the monitor.
         *
         * @throws IllegalArgumentException naming what is wrong (no name, no metric, an unknown metric)
         */
        public Monitor build() {
            return new Monitor(this);
        }
    }
}
