package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.EvaluationFailures;
import dev.railguard.engine.EvaluatorSettings;
import dev.railguard.engine.Redaction;
import dev.railguard.engine.batchapi.BatchApi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Judge requests through a provider's batch API, in rounds. A request joins the pending round; when no request has
 * arrived for the quiet period, the round's requests go out as one batch job per model (split at the provider's
 * limits), each recorded in the {@link BatchJobs} before anyone waits for it. One worker thread submits and polls,
 * with back-off, and completes each request with its line's reply; a failed, expired or missing line fails its
 * request in a retriable way (the engine's retry puts it into the next round) or goes to the synchronous API when the
 * configuration allows. A request already recorded in a batch of an earlier process waits for that batch.
 */
public final class BatchTransport implements AutoCloseable {

    private static final int MAX_POLL_FAILURES = 10;

    private final BatchApi api;
    private final BatchService service;
    private final BatchJobs jobs;
    private final BatchCreator creator;
    private final ScheduledThreadPoolExecutor worker;

    private final Object lock = new Object();
    private final Map<String, BatchRequest> pending = new LinkedHashMap<>();
    private final Map<String, Waiting> waiting = new HashMap<>();
    /** The outcome of each batch that ended, so a request of a resumed run that comes late needs no second download. */
    private final Map<String, Ended> ended = new HashMap<>();
    private long lastArrival;
    private boolean flushScheduled;
    private int round;

    /**
     * A transport that waits at most {@code maxRetryAfter} when the provider asks for a delay (the engine's bound of
     * the synchronous path) and submits and polls on {@code worker}.
     */
    BatchTransport(BatchApi api, BatchService service, Duration maxRetryAfter, ScheduledThreadPoolExecutor worker) {
        this.api = api;
        this.service = service;
        this.creator = new BatchCreator(api, service, maxRetryAfter);
        this.jobs = BatchJobs.open(api.jobFile(), api.runKey() == null ? "" : api.runKey(), service.name());
        this.round = jobs.lastRound();
        this.worker = worker;
        worker.setRemoveOnCancelPolicy(true);
    }

    /** The transport for {@code api}'s provider, honouring a {@code Retry-After} of up to the engine's default. */
    public static BatchTransport of(BatchApi api) {
        return of(api, EvaluatorSettings.DEFAULTS.maxRetryAfter());
    }

    /** The transport for {@code api}'s provider, honouring a {@code Retry-After} of up to {@code maxRetryAfter}. */
    public static BatchTransport of(BatchApi api, Duration maxRetryAfter) {
        BatchService service = switch (api.provider()) {
            case OPENAI -> new OpenAiBatchService(api.baseUrl(), api.apiKey());
            case ANTHROPIC -> new AnthropicBatchService(api.baseUrl(), api.apiKey());
            case GEMINI -> new GeminiBatchService(api.baseUrl(), api.apiKey());
        };
        ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "railguard-batch-api");
            t.setDaemon(true);
            return t;
        });
        return new BatchTransport(api, service, maxRetryAfter, worker);
    }

    /** An ended batch: its last state and its lines' outcomes. */
    private record Ended(BatchService.Status status, BatchService.Results results, Set<String> delivered) {
        Ended(BatchService.Status status, BatchService.Results results) {
            this(status, results, ConcurrentHashMap.newKeySet());
        }
    }

    /** A submitted batch being polled, and its lines' requests by custom id. */
    private static final class Waiting {
        final String id;
        final int round;
        final Map<String, BatchRequest> lines = new LinkedHashMap<>();
        int pollFailures;

        Waiting(String id, int round) {
            this.id = id;
            this.round = round;
        }
    }

    /**
     * Sends {@code request} to {@code model} in the next batch (or waits for the batch of an earlier process that
     * holds it). Completes with the reply, or exceptionally with a {@link RetriableException} (the line failed or
     * expired, the batch could not be submitted) or a {@link NonRetriableException} (the provider refused the line).
     *
     * @param synchronous sends the request through the synchronous API under the judge's limits (the engine's
     *                    dispatcher), for the fallback
     */
    public CompletableFuture<ChatResponse> exchange(String model, ChatRequest request,
            Supplier<CompletableFuture<ChatResponse>> synchronous) {
        ObjectNode body = service.body(model, request);
        String key = BatchJobs.requestKey(service.name(), body.toString());
        CompletableFuture<ChatResponse> reply = new CompletableFuture<>();
        synchronized (lock) {
            Optional<BatchJobs.Line> line = jobs.lookup(key);
            if (line.isPresent()) {
                String id = line.get().batchId();
                Ended done = ended.get(id);
                if (done != null) {
                    Waiting late = new Waiting(id, roundOf(id));
                    late.lines.put(line.get().customId(), new BatchRequest(key, model, body, synchronous));
                    late.lines.values().forEach(q -> q.replies.add(reply));
                    schedule(() -> completeOrFail(late, done, false), Duration.ZERO);
                    return reply;
                }
                Waiting w = waiting.get(id);
                if (w == null) {
                    w = new Waiting(id, roundOf(id));
                    waiting.put(id, w);
                    api.progress().accept("railguard batch-api: picking up batch " + id + " of round " + w.round
                            + " from " + api.jobFile());
                    schedulePoll(w, Duration.ZERO, api.initialPoll());
                }
                w.lines.computeIfAbsent(line.get().customId(), c -> new BatchRequest(key, model, body, synchronous))
                        .replies.add(reply);
                return reply;
            }
            pending.computeIfAbsent(key, k -> new BatchRequest(k, model, body, synchronous)).replies.add(reply);
            lastArrival = System.nanoTime();
            if (!flushScheduled) {
                flushScheduled = true;
                schedule(this::flush, api.quietPeriod());
            }
        }
        return reply;
    }

    private int roundOf(String batchId) {
        return jobs.batches().stream().filter(b -> b.id().equals(batchId)).mapToInt(BatchJobs.Batch::round)
                .findFirst().orElse(0);
    }

    private void flush() {
        List<BatchRequest> take;
        int r;
        synchronized (lock) {
            long idle = System.nanoTime() - lastArrival;
            long quiet = api.quietPeriod().toNanos();
            if (idle < quiet) {
                schedule(this::flush, Duration.ofNanos(quiet - idle));
                return;
            }
            flushScheduled = false;
            take = new ArrayList<>(pending.values());
            pending.clear();
            if (take.isEmpty()) {
                return;
            }
            r = ++round;
        }
        Map<String, List<BatchRequest>> byModel = new LinkedHashMap<>();
        take.forEach(q -> byModel.computeIfAbsent(q.model, m -> new ArrayList<>()).add(q));
        for (List<BatchRequest> requests : byModel.values()) {
            List<BatchRequest> chunk = new ArrayList<>();
            long bytes = 0;
            for (BatchRequest q : requests) {
                long size = q.body.toString().getBytes(StandardCharsets.UTF_8).length + 100L;
                if (!chunk.isEmpty() && (chunk.size() >= api.maxRequestsPerBatch()
                        || bytes + size > api.maxBytesPerBatch())) {
                    submitOrFail(r, chunk);
                    chunk = new ArrayList<>();
                    bytes = 0;
                }
                chunk.add(q);
                bytes += size;
            }
            submitOrFail(r, chunk);
        }
    }

    /**
     * Submits one batch; anything unexpected fails its requests instead of ending the worker's task with nobody
     * waiting for its outcome (their evaluations would wait forever).
     */
    private void submitOrFail(int r, List<BatchRequest> requests) {
        try {
            submit(r, requests);
        } catch (RuntimeException e) {
            String reason = "could not submit a batch of " + requests.size() + " requests to " + service.name()
                    + " (round " + r + "): " + EvaluationFailures.describe(e);
            api.progress().accept(Redaction.redact("railguard batch-api: " + reason));
            requests.forEach(q -> fail(q, reason, false));
        }
    }

    /** Submits one batch (retrying a 429 or 5xx with back-off), records it, then polls it. */
    private void submit(int r, List<BatchRequest> requests) {
        Map<String, BatchRequest> lines = new LinkedHashMap<>();
        List<String> text = new ArrayList<>();
        for (BatchRequest q : requests) {
            String id = jobs.nextLineId();
            lines.put(id, q);
            text.add(service.line(id, q.body));
        }
        String batchId;
        try {
            batchId = creator.create(r, requests.get(0).model, text);
        } catch (BatchCreator.Refused e) {
            api.progress().accept("railguard batch-api: " + e.getMessage());
            lines.values().forEach(q -> fail(q, e.getMessage(), e.retriable()));
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        lines.forEach((id, q) -> keys.put(id, q.key));
        Waiting w = new Waiting(batchId, r);
        w.lines.putAll(lines);
        String recorded;
        synchronized (lock) {
            try {
                jobs.record(new BatchJobs.Batch(batchId, r, keys));
                recorded = api.jobFile() == null ? "" : "; recorded in " + api.jobFile();
            } catch (RuntimeException e) {
                // the batch exists at the provider: wait for it in this process rather than fail (and later pay
                // for) its requests again; only a resume after a crash would not find it
                recorded = "";
                api.progress().accept("railguard batch-api: batch " + batchId + " could not be recorded in "
                        + api.jobFile() + " (" + EvaluationFailures.describe(e) + "); this run waits for it, but a"
                        + " run started again with --resume would not find it");
            }
            waiting.put(batchId, w);
        }
        api.progress().accept("railguard batch-api: round " + r + ": submitted batch " + batchId + " to "
                + service.name() + " with " + lines.size() + " request" + (lines.size() == 1 ? "" : "s")
                + recorded);
        schedulePoll(w, api.initialPoll(), api.initialPoll());
    }

    private void schedulePoll(Waiting w, Duration after, Duration next) {
        schedule(() -> poll(w, next), after);
    }

    private void poll(Waiting w, Duration delay) {
        BatchService.Status s;
        BatchService.Results results;
        try {
            s = service.status(w.id);
            if (!s.ended()) {
                api.progress().accept("railguard batch-api: batch " + w.id + " (round " + w.round + "): " + s.state()
                        + ", " + s.succeeded() + "/" + s.total() + " answered, " + s.failed() + " failed; next check"
                        + " in " + delay.toMillis() + " ms");
                schedulePoll(w, delay, BatchCreator.min(delay.multipliedBy(2), api.maxPoll()));
                return;
            }
            results = service.results(w.id);
        } catch (IOException | RuntimeException e) {
            if (++w.pollFailures >= MAX_POLL_FAILURES) {
                synchronized (lock) {
                    waiting.remove(w.id);
                }
                String reason = "could not read batch " + w.id + " after " + w.pollFailures + " tries: "
                        + EvaluationFailures.describe(e);
                api.progress().accept("railguard batch-api: " + reason);
                w.lines.values().forEach(q -> fail(q, reason, true));
                return;
            }
            Duration wait = creator.waitAfter(e, delay);
            api.progress().accept("railguard batch-api: could not check batch " + w.id + " ("
                    + EvaluationFailures.describe(e) + "); next check in " + wait.toMillis() + " ms" + creator.asked(e));
            schedulePoll(w, wait, BatchCreator.min(delay.multipliedBy(2), api.maxPoll()));
            return;
        }
        Ended done = new Ended(s, results);
        synchronized (lock) {
            waiting.remove(w.id);
            ended.put(w.id, done);
        }
        jobs.markRead(w.id);
        completeOrFail(w, done, true);
    }

    /** Completes {@code w}'s requests; anything unexpected fails those not yet completed instead of hanging them. */
    private void completeOrFail(Waiting w, Ended done, boolean report) {
        try {
            complete(w, done, report);
        } catch (RuntimeException e) {
            String reason = "could not complete the requests of batch " + w.id + ": " + EvaluationFailures.describe(e);
            synchronized (lock) {
                w.lines.values().forEach(q -> fail(q, reason, false));
            }
        }
    }

    /** Completes each request of {@code w} with its line's reply, or fails it with the line's reason. */
    private void complete(Waiting w, Ended done, boolean report) {
        BatchService.Status s = done.status();
        BatchService.Results results = done.results();
        Map<String, BatchRequest> lines;
        synchronized (lock) {
            lines = new LinkedHashMap<>(w.lines);
        }
        if (report) {
            Set<String> sent = jobs.batches().stream().filter(b -> b.id().equals(w.id)).findFirst()
                    .map(b -> b.keysByLine().keySet()).orElse(lines.keySet());
            results.foreign(sent).ifPresent(ids -> api.progress().accept(Redaction.redact("railguard batch-api:"
                    + " batch " + w.id + " answered " + ids + " this run did not send; ignored")));
        }
        int answered = 0;
        Set<String> reasons = new LinkedHashSet<>();
        for (Map.Entry<String, BatchRequest> e : lines.entrySet()) {
            BatchService.LineResult result = results.lines().get(e.getKey());
            if (result != null && result.response() != null) {
                answered++;
                // the provider billed the line once: the first reply counts it, any other is a shared reply
                e.getValue().deliver(result.response(), done.delivered().add(e.getKey()));
                continue;
            }
            String reason = result != null ? result.error() : s.problem() != null ? s.problem()
                    : results.missing(w.id);
            reasons.add(reason);
            jobs.forget(e.getValue().key);
            fail(e.getValue(), "batch " + w.id + " line " + e.getKey() + ": " + reason,
                    result == null || result.retriable());
        }
        if (!report) {
            return;
        }
        api.progress().accept(Redaction.redact("railguard batch-api: batch " + w.id + " (round " + w.round + ") "
                + s.state() + ": " + answered + "/" + lines.size() + " answered" + (reasons.isEmpty() ? ""
                        : ", " + (lines.size() - answered) + " failed (" + String.join("; ", reasons) + ")"
                        + (api.synchronousFallback() ? ", sent to the synchronous API" : ", sent to the next round"))));
    }

    /** Fails a request: to the synchronous API when allowed and sending again could help, else to the engine. */
    private void fail(BatchRequest q, String reason, boolean retriable) {
        q.fail(reason, retriable, api.synchronousFallback());
    }

    private void schedule(Runnable task, Duration after) {
        try {
            worker.schedule(task, after.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // closed: the evaluations end canceled
        }
    }

    /** Stops the worker; a run that ended with nothing left to send says which recorded batches it did not use. */
    @Override
    public void close() {
        worker.shutdownNow();
        boolean finished;
        synchronized (lock) {
            finished = pending.isEmpty() && waiting.isEmpty();
        }
        if (finished) {
            jobs.unused().ifPresent(api.progress());
        }
    }
}
