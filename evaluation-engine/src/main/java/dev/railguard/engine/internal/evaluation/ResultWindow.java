package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/** A bounded window of submitted evaluations, read in completion order. */
public final class ResultWindow implements Iterator<EvaluationResult> {
    private final Iterator<EvaluationRequest> source;
    private final int size;
    private final LinkedBlockingQueue<EvaluationResult> done = new LinkedBlockingQueue<>();
    private final Set<EventHandle> running = ConcurrentHashMap.newKeySet();
    private final Function<EvaluationRequest, EventHandle> submit;
    private int outstanding;

    /** A window of {@code size} over {@code source}; {@code submit} submits one request. */
    public ResultWindow(Iterator<EvaluationRequest> source, int size, Function<EvaluationRequest, EventHandle> submit) {
        this.source = source;
        this.size = size;
        this.submit = submit;
    }

    private void fill() {
        while (outstanding < size && source.hasNext()) {
            EventHandle h = submit.apply(source.next());
            outstanding++;
            running.add(h);
            h.result().whenComplete((r, e) -> {
                running.remove(h);
                done.add(r);
            });
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        return outstanding > 0;
    }

    @Override
    public EvaluationResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more results");
        }
        try {
            EvaluationResult r = done.take();
            outstanding--;
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelAll();
            throw new IllegalStateException("interrupted while waiting for evaluation results", e);
        }
    }

    /** Cancels the evaluations still in flight. */
    public void cancelAll() {
        running.forEach(EventHandle::cancel);
    }
}
