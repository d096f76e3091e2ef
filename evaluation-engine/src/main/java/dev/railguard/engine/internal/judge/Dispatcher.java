package dev.railguard.engine.internal.judge;

import dev.railguard.engine.JudgeLimits;
import dev.railguard.engine.internal.call.EngineCounters;
import dev.railguard.engine.internal.call.Failures;
import dev.railguard.engine.internal.call.Ticket;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Admits judge call attempts to the executor under a global limit and a limit per judge, without parking threads:
 * an attempt that cannot start waits in its judge's queue and is started by whichever thread frees capacity. Each
 * judge's limit adapts (AIMD): halved on a 429 (at most once per second), raised by {@code 1 / limit} per success up
 * to its ceiling. Optional requests- and tokens-per-minute budgets are token buckets refilled continuously; an
 * attempt over budget waits and a timer pumps the queue when the budget allows. Every attempt has a call timeout:
 * when it expires the running call is interrupted and abandoned and the attempt fails with
 * {@link Failures.CallTimeoutException}.
 *
 * <p>One lock guards the queues and counters; no user code, executor or future completion runs under it, so the
 * dispatcher cannot deadlock with its callers.
 */
public final class Dispatcher {

    private static final long DECREASE_COOLDOWN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Executor executor;
    private final ScheduledExecutorService timer;
    private final int globalLimit;
    private final Function<String, JudgeLimits> limitsFor;
    private final boolean adaptive;
    private final Duration callTimeout;
    private final EngineCounters counters;
    /** The time source of the budgets and the decrease cooldown, in nanoseconds ({@code System::nanoTime}). */
    private final LongSupplier ticker;

    private final Object lock = new Object();
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private int globalInFlight;
    private int roundRobin;
    private long pumpScheduledAt = Long.MAX_VALUE;

    public Dispatcher(Executor executor, ScheduledExecutorService timer, int globalLimit,
            Function<String, JudgeLimits> limitsFor, boolean adaptive, Duration callTimeout, EngineCounters counters) {
        this(executor, timer, globalLimit, limitsFor, adaptive, callTimeout, counters, System::nanoTime);
    }

    /**
     * A dispatcher whose per-minute budgets and decrease cooldown read {@code ticker} (nanoseconds) instead of
     * {@code System.nanoTime()}, so a test can move time by hand. The timer still wakes the queue after real delays.
     */
    public Dispatcher(Executor executor, ScheduledExecutorService timer, int globalLimit,
            Function<String, JudgeLimits> limitsFor, boolean adaptive, Duration callTimeout, EngineCounters counters,
            LongSupplier ticker) {
        this.ticker = ticker;
        this.executor = executor;
        this.timer = timer;
        this.globalLimit = globalLimit;
        this.limitsFor = limitsFor;
        this.adaptive = adaptive;
        this.callTimeout = callTimeout;
        this.counters = counters;
    }

    /**
     * Runs {@code work} once there is capacity for judge {@code judge}; the future fails with a
     * {@link CancellationException} if the ticket is canceled first, or with the work's exception.
     */
    public <T> CompletableFuture<T> submit(String judge, Ticket ticket, long estimatedTokens, Callable<T> work) {
        Task<T> task = new Task<>(judge, ticket, Math.max(1, estimatedTokens), work);
        synchronized (lock) {
            lanes.computeIfAbsent(judge, j -> new Lane(limitsFor.apply(j), ticker.getAsLong())).queue.add(task);
        }
        pump();
        return task.result;
    }

    /** Each judge's current concurrency limit. */
    public Map<String, Integer> limits() {
        Map<String, Integer> out = new LinkedHashMap<>();
        synchronized (lock) {
            lanes.forEach((name, lane) -> out.put(name, lane.currentLimit()));
        }
        return out;
    }

    /** Attempts running now, over all judges. */
    public int inFlight() {
        synchronized (lock) {
            return globalInFlight;
        }
    }

    /** Attempts waiting for capacity. */
    public int queued() {
        synchronized (lock) {
            return lanes.values().stream().mapToInt(l -> l.queue.size()).sum();
        }
    }

    private void pump() {
        List<Task<?>> toStart = new ArrayList<>();
        List<Task<?>> toDrop = new ArrayList<>();
        long wakeIn = Long.MAX_VALUE;
        synchronized (lock) {
            List<Lane> order = new ArrayList<>(lanes.values());
            boolean progress = true;
            while (progress && globalInFlight < globalLimit && !order.isEmpty()) {
                progress = false;
                for (int i = 0; i < order.size() && globalInFlight < globalLimit; i++) {
                    Lane lane = order.get(Math.floorMod(roundRobin + i, order.size()));
                    Task<?> head;
                    while ((head = lane.queue.peek()) != null && head.ticket.isCanceled()) {
                        toDrop.add(lane.queue.poll());
                    }
                    if (head == null || lane.inFlight >= lane.currentLimit()) {
                        continue;
                    }
                    long now = ticker.getAsLong();
                    long wait = lane.budgetWait(head.tokens, now);
                    if (wait > 0) {
                        wakeIn = Math.min(wakeIn, wait);
                        continue;
                    }
                    lane.queue.poll();
                    lane.consume(head.tokens, now);
                    lane.inFlight++;
                    globalInFlight++;
                    toStart.add(head);
                    progress = true;
                }
                roundRobin = (roundRobin + 1) % Math.max(1, order.size()); // never overflows in a long-lived evaluator
            }
            if (wakeIn != Long.MAX_VALUE) {
                long at = ticker.getAsLong() + wakeIn;
                if (at < pumpScheduledAt && !timer.isShutdown()) {
                    pumpScheduledAt = at;
                    try {
                        timer.schedule(() -> {
                            synchronized (lock) {
                                pumpScheduledAt = Long.MAX_VALUE;
                            }
                            pump();
                        }, wakeIn, TimeUnit.NANOSECONDS);
                    } catch (RejectedExecutionException closed) {
                        pumpScheduledAt = Long.MAX_VALUE;
                    }
                }
            }
        }
        for (Task<?> t : toDrop) {
            t.result.completeExceptionally(new CancellationException("the evaluation was canceled"));
        }
        for (Task<?> t : toStart) {
            start(t);
        }
    }

    private <T> void start(Task<T> task) {
        if (task.ticket.isCanceled()) {
            release(task.judge, Outcome.NEUTRAL);
            task.result.completeExceptionally(new CancellationException("the evaluation was canceled"));
            pump();
            return;
        }
        task.ticket.started();
        counters.attempts.increment();
        Run<T> run = new Run<>(task);
        task.ticket.track(run);
        try {
            if (!callTimeout.isZero()) {
                run.timeout = timer.schedule(run::expire, callTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            executor.execute(run);
        } catch (RejectedExecutionException e) {
            // The evaluator is closed (or a user executor refused): the attempt fails, nothing waits forever.
            run.rejected = e;
            run.cancel(false);
        }
    }

    private enum Outcome { SUCCESS, RATE_LIMITED, NEUTRAL }

    private void release(String judge, Outcome outcome) {
        synchronized (lock) {
            Lane lane = lanes.get(judge);
            lane.inFlight--;
            globalInFlight--;
            if (adaptive) {
                if (outcome == Outcome.SUCCESS) {
                    lane.increase();
                } else if (outcome == Outcome.RATE_LIMITED) {
                    lane.decrease(ticker.getAsLong());
                }
            }
        }
    }

    /** One started attempt; its {@code done} hook releases capacity and completes the attempt's future. */
    private final class Run<T> extends FutureTask<T> {
        private final Task<T> task;
        private volatile boolean timedOut;
        private volatile RejectedExecutionException rejected;
        private volatile ScheduledFuture<?> timeout;

        public Run(Task<T> task) {
            super(task.work);
            this.task = task;
        }

        public void expire() {
            if (!isDone()) {
                timedOut = true;
                cancel(true);
            }
        }

        @Override
        protected void done() {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            task.ticket.untrack(this);
            Throwable failure = null;
            T value = null;
            if (isCancelled()) {
                if (rejected != null) {
                    failure = rejected;
                } else if (timedOut) {
                    failure = new Failures.CallTimeoutException(callTimeout);
                } else {
                    failure = new CancellationException("the evaluation was canceled");
                }
            } else {
                try {
                    value = get();
                } catch (ExecutionException e) {
                    failure = e.getCause() == null ? e : e.getCause();
                } catch (InterruptedException | CancellationException e) {
                    failure = e;
                }
            }
            Outcome outcome = Outcome.NEUTRAL;
            if (failure == null) {
                outcome = Outcome.SUCCESS;
            } else {
                Failures.Failure f = Failures.classify(failure);
                if (f.rateLimited()) {
                    counters.rateLimited.increment();
                    outcome = Outcome.RATE_LIMITED;
                }
                if (f.timeout()) {
                    counters.timeouts.increment();
                }
            }
            release(task.judge, outcome);
            if (failure == null) {
                task.result.complete(value);
            } else {
                task.result.completeExceptionally(failure);
            }
            pump();
        }
    }

    private static final class Task<T> {
        final String judge;
        final Ticket ticket;
        final long tokens;
        final Callable<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        public Task(String judge, Ticket ticket, long tokens, Callable<T> work) {
            this.judge = judge;
            this.ticket = ticket;
            this.tokens = tokens;
            this.work = work;
        }
    }

    /** One judge's queue, counters and budgets; guarded by the dispatcher's lock. */
    private static final class Lane {
        final Deque<Task<?>> queue = new ArrayDeque<>();
        final int ceiling;
        final Bucket requests;
        final Bucket tokens;
        double limit;
        int inFlight;
        long lastDecrease;

        public Lane(JudgeLimits limits, long now) {
            this.ceiling = limits.maxConcurrency();
            this.limit = ceiling;
            this.lastDecrease = now - DECREASE_COOLDOWN_NANOS;
            this.requests = limits.requestsPerMinute() > 0 ? new Bucket(limits.requestsPerMinute(), now) : null;
            this.tokens = limits.tokensPerMinute() > 0 ? new Bucket(limits.tokensPerMinute(), now) : null;
        }

        public int currentLimit() {
            return Math.max(1, (int) Math.floor(limit));
        }

        public void increase() {
            limit = Math.min(ceiling, limit + 1.0 / Math.max(1.0, limit));
        }

        public void decrease(long now) {
            if (now - lastDecrease >= DECREASE_COOLDOWN_NANOS) {
                limit = Math.max(1.0, Math.floor(limit / 2));
                lastDecrease = now;
            }
        }

        public long budgetWait(long needTokens, long now) {
            long wait = 0;
            if (requests != null) {
                wait = Math.max(wait, requests.waitNanos(1, now));
            }
            if (tokens != null) {
                wait = Math.max(wait, tokens.waitNanos(needTokens, now));
            }
            return wait;
        }

        public void consume(long needTokens, long now) {
            if (requests != null) {
                requests.take(1, now);
            }
            if (tokens != null) {
                tokens.take(needTokens, now);
            }
        }
    }

    /**
     * A token bucket holding at most one second's worth of a per-minute budget (at least one unit), refilled
     * continuously. A request larger than the bucket waits for a full bucket and drives it negative.
     */
    private static final class Bucket {
        final double capacity;
        final double perNano;
        double available;
        long last;

        public Bucket(long perMinute, long now) {
            this.perNano = perMinute / 60e9;
            this.capacity = Math.max(1.0, perMinute / 60.0);
            this.available = capacity;
            this.last = now;
        }

        private void refill(long now) {
            available = Math.min(capacity, available + (now - last) * perNano);
            last = now;
        }

        public long waitNanos(long need, long now) {
            refill(now);
            double n = Math.min(need, capacity);
            return available >= n ? 0 : (long) Math.ceil((n - available) / perNano);
        }

        public void take(long need, long now) {
            refill(now);
            available -= need;
        }
    }
}
