package dev.railguard.engine.internal.cache;

import dev.railguard.engine.Judge;
import dev.railguard.engine.internal.call.EngineCounters;
import dev.railguard.engine.internal.call.Failures;
import dev.railguard.engine.internal.call.JsonReplies;
import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.call.JudgeOutcome;
import dev.railguard.engine.internal.call.JudgeSettings;
import dev.railguard.engine.internal.call.Ticket;
import dev.railguard.engine.internal.call.Untrusted;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.railguard.api.Usage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Judge replies by call: a Caffeine {@link AsyncCache} in memory (so concurrent identical calls share one model call)
 * in front of an optional {@link DiskCache} directory. Only usable replies are kept; a failure is removed as soon as
 * it is known, so the next identical call tries again. A call answered without reaching a judge (memory, directory,
 * or joining an identical call in flight) reports {@link Usage#ofCacheHit()}.
 *
 * <p>The key is a SHA-256 over the judge's name and model, the call parameters (token cap, temperature), the prompt
 * template version, the reply schema and the rendered prompts, with the per-call fence nonce replaced by a
 * placeholder (it is random per call and says nothing about the question).
 */
public final class JudgeCache {


    private final AsyncCache<String, JudgeOutcome> memory;
    private final DiskCache disk;
    private final EngineCounters counters;
    private final Executor executor;

    /** The environment variable holding the optional cache secret (HMAC of every directory entry). */
    public static final String SECRET_VARIABLE = "RAILGUARD_CACHE_SECRET";

    public JudgeCache(long maximumSize, Duration expiry, Path directory, Clock clock, EngineCounters counters,
            Executor executor) {
        this(maximumSize, expiry, directory, clock, counters, executor, secretFromEnvironment());
    }

    /**
     * A cache; {@code secret} (may be null) signs the directory entries. A directory that cannot be created or written
     * is refused here, naming it.
     */
    public JudgeCache(long maximumSize, Duration expiry, Path directory, Clock clock, EngineCounters counters,
            Executor executor, byte[] secret) {
        if (directory != null) {
            DiskCache.checkWritable(directory);
        }
        this.executor = executor;
        this.memory = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(expiry)
                .executor(Runnable::run)
                .buildAsync();
        this.disk = directory == null ? null : new DiskCache(directory, expiry, clock, counters, secret);
        this.counters = counters;
    }

    /**
     * The outcome of {@code call}: cached, or computed once by {@code compute} (which runs under {@code ticket}).
     * If the evaluation that started a shared computation is canceled, the others waiting for it start their own.
     */
    public CompletableFuture<JudgeOutcome> get(JudgeCall call, JudgeSettings settings, Ticket ticket,
            Supplier<CompletableFuture<JudgeOutcome>> compute) {
        String key = key(call, settings);
        CompletableFuture<JudgeOutcome> promise = new CompletableFuture<>();
        CompletableFuture<JudgeOutcome> shared = memory.get(key, (k, executor) -> promise);
        boolean computedHere = shared == promise;
        boolean[] fromDisk = {false};
        if (computedHere) {
            // Computed outside the cache's map lock (the model call may complete on this very thread), and the
            // directory is read on the executor so that submitting never waits for the disk.
            CompletableFuture<Optional<DiskCache.Entry>> stored;
            try {
                stored = disk == null ? CompletableFuture.completedFuture(Optional.empty())
                        : CompletableFuture.supplyAsync(() -> disk.read(key), executor);
            } catch (RuntimeException refused) {
                // an executor that refuses the read must not leave the promise in the map uncompleted: every later
                // identical call would join it and wait forever
                stored = CompletableFuture.failedFuture(refused);
            }
            stored.thenCompose(entry -> {
                if (entry.isPresent() && !fitsTheCall(entry.get().reply(), call)) {
                    disk.refuse(key);
                } else if (entry.isPresent()) {
                    fromDisk[0] = true;
                    return CompletableFuture.completedFuture(JudgeOutcome.success(call.judge().name(),
                            entry.get().reply(), Usage.ofCacheHit(), entry.get().diagnostics()));
                }
                return compute.get();
            }).whenComplete((o, e) -> {
                if (e != null) {
                    promise.completeExceptionally(e);
                } else {
                    promise.complete(o);
                }
            });
        } else {
            counters.cacheHits.increment();
        }
        CompletableFuture<JudgeOutcome> mine = shared.thenApply(outcome -> {
            boolean hit = !computedHere || fromDisk[0];
            if (computedHere) {
                (hit ? counters.cacheHits : counters.cacheMisses).increment();
            }
            if (!outcome.ok()) {
                memory.asMap().remove(key, shared);
                return outcome;
            }
            if (computedHere && !fromDisk[0] && disk != null) {
                disk.write(key, outcome.reply(), outcome.diagnostics());
            }
            return hit ? JudgeOutcome.success(outcome.judge(), outcome.reply(), Usage.ofCacheHit(),
                    outcome.diagnostics()) : outcome;
        });
        if (computedHere) {
            return mine;
        }
        return mine.exceptionallyCompose(e -> {
            if (Failures.unwrap(e) instanceof CancellationException && !ticket.isCanceled()) {
                // The cache drops a failed future too, but perhaps after this callback: drop it first.
                memory.asMap().remove(key, shared);
                return get(call, settings, ticket, compute);
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    /** The cache secret from {@value #SECRET_VARIABLE}, or null when it is unset or blank. */
    public static byte[] secretFromEnvironment() {
        String value = System.getenv(SECRET_VARIABLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        dev.railguard.engine.Redaction.register(value);
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a stored reply still passes the call's schema and reply check, as it did when it was written. */
    private static boolean fitsTheCall(com.fasterxml.jackson.databind.JsonNode reply, JudgeCall call) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        JsonReplies.validate(reply, call.schema().rootElement(), "$", problems);
        try {
            return problems.isEmpty() && call.replyCheck().apply(reply).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The cache key of {@code call}. */
    public static String key(JudgeCall call, JudgeSettings settings) {
        String system = call.systemPrompt();
        String user = call.userPrompt();
        Matcher m = Untrusted.DELIMITER.matcher(user);
        if (m.find()) {
            String nonce = m.group(1);
            system = system.replace(nonce, "{nonce}");
            user = user.replace(nonce, "{nonce}");
        }
        String material = String.join("\u0000", "v1", call.judge().name(), call.judge().modelName(),
                "maxOutputTokens=" + settings.maxOutputTokens(), "temperature=" + settings.temperature(),
                call.templateVersion(), call.schema().name(), String.valueOf(call.schema().rootElement()), system, user);
        return DiskCache.sha256(material.getBytes(StandardCharsets.UTF_8));
    }
}
