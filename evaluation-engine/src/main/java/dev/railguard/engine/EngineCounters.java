package dev.railguard.engine;

import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link JudgeStats}. */
final class EngineCounters {
    final LongAdder attempts = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder failedCalls = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder cacheMisses = new LongAdder();
    final LongAdder corruptCacheEntries = new LongAdder();
}
