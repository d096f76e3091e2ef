/**
 * Benchmarks run by a documented command, not by CI: judge-call overhead, throughput against the ideal for a given
 * judge latency and concurrency, the cache and cost, all against the local stub server. Entry point:
 * ScaleBenchmarks.
 */
package dev.railguard.benchmarks;
