package dev.railguard.engine;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The plain settings of a {@link RailguardEvaluator}, as one value: the one place their defaults live
 * ({@link #DEFAULTS}). {@link RailguardEvaluator.Builder} starts from it and validates each setting as it is set;
 * {@link RailguardEvaluator#settings()} returns what an evaluator was built with; a Spark spec or a project file
 * carries it to where the evaluator is built ({@link RailguardEvaluator.Builder#settings}). What is not a plain value
 * (the judge panel, metrics, executor, observers, prices, cache directory and secret, search tools) stays on the
 * builder.
 *
 * <p>Meaning of each component: the builder method of the same name.
 *
 * @param maxConcurrentJudgeCalls    judge calls at once on the evaluator's executor (16)
 * @param maxConcurrentCallsPerJudge calls at once per judge, 0 for {@code maxConcurrentJudgeCalls} (0)
 * @param maxJudgeOutputTokens       the token cap of a judge reply (2048)
 * @param adaptiveConcurrency        whether a judge's limit shrinks on 429s and grows back (true)
 * @param callTimeout                the per-attempt timeout of a judge call (2 minutes)
 * @param evaluationTimeout          the timeout of one evaluation, {@link Duration#ZERO} for none (none)
 * @param maxCallAttempts            attempts per judge request, the first included; a safety stop (20)
 * @param initialBackoff             the first retry delay, doubled per attempt (500 ms)
 * @param maxBackoff                 the longest retry delay (30 s)
 * @param maxRetryAfter              the longest {@code Retry-After} honoured (60 s)
 * @param retryBudget                how long after a request's first attempt a retry may still start (30 s): long
 *                                   enough for a run of fast failures to get the attempts it needs, short enough that
 *                                   an outage ends the call with its cause in half a minute
 * @param cache                      whether judge replies are cached in memory (false)
 * @param cacheMaximumSize           replies kept in memory (10,000)
 * @param cacheExpiry                how long a cached reply is used (14 days)
 * @param maxInFlightEvaluations     requests {@code evaluateAll} keeps submitted at once (256)
 * @param maxPromptTokens            the per-call prompt budget in estimated tokens (100,000)
 * @param maxToolRoundTrips          search round trips per judge call (3)
 * @param selfJudging                what happens when a model would judge its own output ({@code REFUSE})
 */
public record EvaluatorSettings(int maxConcurrentJudgeCalls, int maxConcurrentCallsPerJudge, int maxJudgeOutputTokens,
        boolean adaptiveConcurrency, Duration callTimeout, Duration evaluationTimeout, int maxCallAttempts,
        Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration retryBudget, boolean cache,
        long cacheMaximumSize, Duration cacheExpiry, int maxInFlightEvaluations, long maxPromptTokens,
        int maxToolRoundTrips, SelfJudging selfJudging) implements Serializable {

    /** The defaults of every evaluator. */
    public static final EvaluatorSettings DEFAULTS = new EvaluatorSettings(16, 0, 2048, true, Duration.ofMinutes(2),
            Duration.ZERO, 20, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(30), false, 10_000,
            Duration.ofDays(14), 256, 100_000, 3, SelfJudging.REFUSE);

    /**
     * Checks nulls only: each value is validated by the builder method of its name when it reaches an evaluator
     * through {@link RailguardEvaluator.Builder#settings}.
     */
    public EvaluatorSettings {
        Objects.requireNonNull(callTimeout, "callTimeout must not be null");
        Objects.requireNonNull(evaluationTimeout, "evaluationTimeout must not be null (Duration.ZERO for none)");
        Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
        Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter must not be null");
        Objects.requireNonNull(retryBudget, "retryBudget must not be null");
        Objects.requireNonNull(cacheExpiry, "cacheExpiry must not be null");
        Objects.requireNonNull(selfJudging, "selfJudging must not be null");
    }
}
