package dev.railguard.engine;

/**
 * Limits for the calls to one judge: how many may run at once, and optional request and token budgets per minute.
 * The concurrency limit is a ceiling: with adaptive concurrency on, the engine halves the judge's current limit when
 * it answers 429 and ramps it back up by about one call per window of successful calls (AIMD).
 *
 * <pre>{@code
 * RailguardEvaluator.builder()
 *     .judgeLimits("gpt-4o", JudgeLimits.ofConcurrency(8).withRequestsPerMinute(500).withTokensPerMinute(200_000))
 * }</pre>
 *
 * @param maxConcurrency    calls to this judge that may run at once, at least 1
 * @param requestsPerMinute requests per minute, {@code 0} for no budget
 * @param tokensPerMinute   estimated prompt tokens per minute (characters / 4), {@code 0} for no budget
 */
public record JudgeLimits(int maxConcurrency, int requestsPerMinute, long tokensPerMinute) {

    /** Validates. */
    public JudgeLimits {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, but was: " + maxConcurrency);
        }
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be >= 0 (0 = no budget), but was: "
                    + requestsPerMinute);
        }
        if (tokensPerMinute < 0) {
            throw new IllegalArgumentException("tokensPerMinute must be >= 0 (0 = no budget), but was: "
                    + tokensPerMinute);
        }
    }

    /** At most {@code maxConcurrency} calls at once, no per-minute budgets. */
    public static JudgeLimits ofConcurrency(int maxConcurrency) {
        return new JudgeLimits(maxConcurrency, 0, 0);
    }

    /** A copy with a requests-per-minute budget ({@code 0} for none). */
    public JudgeLimits withRequestsPerMinute(int requestsPerMinute) {
        return new JudgeLimits(maxConcurrency, requestsPerMinute, tokensPerMinute);
    }

    /** A copy with an estimated-prompt-tokens-per-minute budget ({@code 0} for none). */
    public JudgeLimits withTokensPerMinute(long tokensPerMinute) {
        return new JudgeLimits(maxConcurrency, requestsPerMinute, tokensPerMinute);
    }
}
