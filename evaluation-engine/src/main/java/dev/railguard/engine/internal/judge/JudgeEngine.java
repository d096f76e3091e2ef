package dev.railguard.engine.internal.judge;

import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.EvaluatorSettings;
import dev.railguard.engine.JudgeLimits;
import dev.railguard.engine.JudgeStats;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.engine.batchapi.internal.BatchTransport;
import dev.railguard.engine.internal.cache.JudgeCache;
import dev.railguard.engine.internal.call.EngineCounters;
import dev.railguard.engine.internal.call.JudgeSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What an evaluator's judge calls share: the executor, the dispatcher with its limits, the retry policy, the cache,
 * the counters and one timer thread (for call timeouts, retry delays and budget waits; it ends itself when idle and
 * at {@link #close()}).
 */
public final class JudgeEngine {

    /**
     * What the engine is built with: the evaluator's plain settings (meanings and defaults in
     * {@link EvaluatorSettings}) and what is not a plain value.
     */
    public record Options(EvaluatorSettings settings, Map<String, JudgeLimits> judgeLimits, PriceTable prices,
            Path cacheDirectory, String cacheSecret, BatchApi batchApi) {

        /** The options without the cache secret: whether one is set, never its value. */
        @Override
        public String toString() {
            return "Options[settings=" + settings + ", judgeLimits=" + judgeLimits + ", prices=" + prices
                    + ", cacheDirectory=" + cacheDirectory + ", cacheSecret="
                    + (cacheSecret == null ? "none" : "(set, not shown)") + ", batchApi=" + batchApi + "]";
        }

        int perJudgeLimit() {
            return settings.maxConcurrentCallsPerJudge() == 0 ? settings.maxConcurrentJudgeCalls()
                    : settings.maxConcurrentCallsPerJudge();
        }
    }

    final Options options;
    final JudgeSettings settings;
    final Executor executor;
    public final ScheduledThreadPoolExecutor timer;
    final Dispatcher dispatcher;
    final JudgeCache cache;
    final EngineCounters counters = new EngineCounters();
    /** Hears every judge call; guarded ({@link EvaluationObserver#of}), so it never throws. */
    final EvaluationObserver observer;
    /** The per-call prompt budget in estimated tokens (characters / 4); a larger prompt is not sent. */
    final long maxPromptTokens;
    /** The time source of the retry budget and the per-minute budgets, in nanoseconds. */
    final LongSupplier ticker;
    /** The batch transport of judge calls, or null when they go through the synchronous API. */
    final BatchTransport batch;

    public JudgeEngine(Executor executor, Options options) {
        this(executor, options, EvaluationObserver.NONE);
    }

    public JudgeEngine(Executor executor, Options options, EvaluationObserver observer) {
        this(executor, options, observer, System::nanoTime);
    }

    /**
     * An engine whose retry budget and per-minute budgets read {@code ticker} (nanoseconds) instead of
     * {@code System.nanoTime()}, so a test can decide how much time an attempt took. Timeouts and retry delays still
     * run on the timer in real time.
     */
    public JudgeEngine(Executor executor, Options options, EvaluationObserver observer, LongSupplier ticker) {
        this.ticker = ticker;
        this.options = options;
        this.settings = new JudgeSettings(options.settings().maxJudgeOutputTokens(), 0.0);
        this.executor = executor;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "railguard-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        this.dispatcher = new Dispatcher(executor, timer, options.settings().maxConcurrentJudgeCalls(),
                judge -> options.judgeLimits().getOrDefault(judge, JudgeLimits.ofConcurrency(options.perJudgeLimit())),
                options.settings().adaptiveConcurrency(), options.settings().callTimeout(), counters, ticker);
        this.cache = options.settings().cache() ? new JudgeCache(options.settings().cacheMaximumSize(),
                options.settings().cacheExpiry(),
                options.cacheDirectory(), Clock.systemUTC(), counters, executor, options.cacheSecret() != null
                        ? options.cacheSecret().getBytes(StandardCharsets.UTF_8)
                        : JudgeCache.secretFromEnvironment()) : null;
        this.maxPromptTokens = options.settings().maxPromptTokens();
        this.batch = options.batchApi() == null ? null : BatchTransport.of(options.batchApi(), options.settings().maxRetryAfter());
        this.observer = observer;
        observer.judgeTrafficBound(new EvaluationObserver.JudgeTrafficGauges() {
            @Override
            public int queuedCalls() {
                return dispatcher.queued();
            }

            @Override
            public int inFlightCalls() {
                return dispatcher.inFlight();
            }

            @Override
            public JudgeStats stats() {
                return JudgeEngine.this.stats();
            }
        });
    }

    /**
     * How long to wait before attempt {@code attempt + 1}: the server's {@code Retry-After} (capped at
     * {@code maxRetryAfter}) plus up to 10% jitter when it sent one, else exponential backoff
     * {@code initial * 2^(attempt-1)} capped at {@code maxBackoff}, with "equal jitter" (half fixed, half random).
     */
    public Duration retryDelay(int attempt, Duration retryAfter) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (retryAfter != null) {
            long ms = Math.min(retryAfter.toMillis(), options.settings().maxRetryAfter().toMillis());
            return Duration.ofMillis(ms + random.nextLong(Math.max(1, Math.min(ms / 10, 1000) + 1)));
        }
        long base = options.settings().initialBackoff().toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(Math.max(1, base), options.settings().maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }

    public JudgeStats stats() {
        return new JudgeStats(counters.attempts.sum(), counters.retries.sum(), counters.rateLimited.sum(),
                counters.timeouts.sum(), counters.failedCalls.sum(), counters.cacheHits.sum(),
                counters.cacheMisses.sum(), counters.corruptCacheEntries.sum(), dispatcher.limits());
    }

    public void close() {
        timer.shutdownNow();
        if (batch != null) {
            batch.close();
        }
    }
}
