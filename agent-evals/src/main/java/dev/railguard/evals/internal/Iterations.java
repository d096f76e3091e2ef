package dev.railguard.evals.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the iterations or cases of an eval, at most {@code parallelism} at a time, each bounded by a timeout. A task
 * that throws, fails or times out is an outcome with its error, never an exception out of {@link #run} and never a
 * hang: a timed-out iteration frees its slot at once (its agent thread is interrupted when the run ends).
 */
public final class Iterations {

    private Iterations() {}

    /** The outcome of iteration {@code index}: a value or an error message. */
    public record Outcome<T>(int index, T value, String error) {}

    /** A daemon pool for agent calls of one eval run; shut down (interrupting stragglers) by the caller. */
    public static ExecutorService agentPool(String evalName) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "railguard-eval-" + evalName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static <T> List<Outcome<T>> run(int count, int parallelism, Duration timeout,
            IntFunction<CompletableFuture<T>> task) {
        Semaphore slots = new Semaphore(parallelism);
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquireUninterruptibly();
            CompletableFuture<T> f;
            try {
                f = task.apply(i);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<T> bounded = f.toCompletableFuture().copy().orTimeout(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            bounded.whenComplete((v, e) -> slots.release());
            futures.add(bounded);
        }
        List<Outcome<T>> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                out.add(new Outcome<>(i, futures.get(i).join(), null));
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                out.add(new Outcome<>(i, null, describe(e, timeout)));
            }
        }
        return out;
    }

    /** A one-line description of {@code e}: the root cause's class and message; timeouts say how long. */
    public static String describe(Throwable e, Duration timeout) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "timeout: exceeded " + timeout.toMillis() + " ms";
        }
        if (t instanceof EvalException) {
            return dev.railguard.engine.Redaction.redact(t.getMessage());
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": "
                + dev.railguard.engine.Redaction.redact(t.getMessage()));
    }

    /** A failure whose message is already the error entry (prefixed agent:, judge:, ...). */
    public static final class EvalException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public EvalException(String message) {
            super(message, null, false, false);
        }
    }
}
