package dev.railguard.telemetry.internal;

import dev.railguard.api.Checks;
import dev.railguard.api.Verdict;

/**
 * The share of PASS among the last {@code size} verdicts of one metric. ERROR counts as not passed (nothing passes
 * because something went wrong); SKIPPED is left out. {@code NaN} before the first verdict. Thread-safe.
 */
public final class PassRateWindow {

    private final boolean[] passed;
    private int next;
    private int count;
    private int passes;

    /** A window of the last {@code size} verdicts. */
    public PassRateWindow(int size) {
        Checks.atLeast(size, 1, "passRateWindow");
        this.passed = new boolean[size];
    }

    /** Adds a verdict, dropping the oldest when full. */
    public synchronized void add(Verdict verdict) {
        if (verdict == Verdict.SKIPPED) {
            return;
        }
        boolean p = verdict == Verdict.PASS;
        if (count == passed.length) {
            if (passed[next]) {
                passes--;
            }
        } else {
            count++;
        }
        passed[next] = p;
        if (p) {
            passes++;
        }
        next = (next + 1) % passed.length;
    }

    /** Passes divided by verdicts in the window, or {@code NaN} when it is empty. */
    public synchronized double rate() {
        return count == 0 ? Double.NaN : (double) passes / count;
    }
}
