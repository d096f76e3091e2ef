package dev.railguard.engine.internal.call;

import dev.railguard.engine.JudgeStats;

import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link JudgeStats}. */
public final class EngineCounters {
    public final LongAdder attempts = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final LongAdder rateLimited = new LongAdder();
    public final LongAdder timeouts = new LongAdder();
    public final LongAdder failedCalls = new LongAdder();
    public final LongAdder cacheHits = new LongAdder();
    public final LongAdder cacheMisses = new LongAdder();
    public final LongAdder corruptCacheEntries = new LongAdder();
}
