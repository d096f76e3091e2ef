package dev.railguard.spring.internal;

import dev.railguard.api.RunMode;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import dev.railguard.spring.RailguardProperties;
import java.util.Map;

/**
 * {@code railguard.*} applied to an evaluator builder: each value goes through the builder method of its name, whose
 * own check (and wording) names it as the property when it is bad.
 */
public final class EvaluatorProperties {

    private EvaluatorProperties() {}

    /** The run mode of {@code railguard.run-mode}. */
    public static RunMode runMode(RailguardProperties props) {
        return PropertyChecks.parse("railguard.run-mode", props.getRunMode(), RunMode::fromWireName);
    }

    /** The checked default thresholds of {@code railguard.thresholds}. */
    public static Map<String, Double> thresholds(RailguardProperties props) {
        props.getThresholds().forEach((metric, t) -> PropertyChecks.threshold("railguard.thresholds." + metric, t));
        return Map.copyOf(props.getThresholds());
    }

    /** Applies self-judging, cache and limits to {@code b}: the evaluator of {@code railguard.*} alone. */
    public static RailguardEvaluator.Builder apply(RailguardProperties props, RailguardEvaluator.Builder b) {
        runMode(props);
        thresholds(props);
        b.selfJudging(PropertyChecks.oneOf("railguard.self-judging", props.getSelfJudging(), SelfJudging.class));
        PropertyChecks.set("railguard.cache.directory", props.getCache().getDirectory(), b::cacheDirectory);
        return applyBeyondProjectFile(props, b);
    }

    /**
     * Applies what a project file has no key for: the cache switch, size and expiry and the limits. With
     * {@code railguard.config} this is all of {@code railguard.*} the evaluator reads (the file wins on the rest).
     */
    public static RailguardEvaluator.Builder applyBeyondProjectFile(RailguardProperties props, RailguardEvaluator.Builder b) {
        RailguardProperties.Cache cache = props.getCache();
        if (cache.isEnabled()) {
            b.cache(true);
        }
        PropertyChecks.set("railguard.cache.maximum-size", cache.getMaximumSize(), b::cacheMaximumSize);
        PropertyChecks.set("railguard.cache.expiry", cache.getExpiry(), b::cacheExpiry);
        RailguardProperties.Limits l = props.getLimits();
        PropertyChecks.set("railguard.limits.max-concurrent-judge-calls", l.getMaxConcurrentJudgeCalls(),
                b::maxConcurrentJudgeCalls);
        PropertyChecks.set("railguard.limits.max-concurrent-calls-per-judge", l.getMaxConcurrentCallsPerJudge(),
                b::maxConcurrentCallsPerJudge);
        PropertyChecks.set("railguard.limits.max-call-attempts", l.getMaxCallAttempts(), b::maxCallAttempts);
        PropertyChecks.set("railguard.limits.max-in-flight-evaluations", l.getMaxInFlightEvaluations(),
                b::maxInFlightEvaluations);
        PropertyChecks.set("railguard.limits.max-prompt-tokens", l.getMaxPromptTokens(), b::maxPromptTokens);
        PropertyChecks.set("railguard.limits.max-judge-output-tokens", l.getMaxJudgeOutputTokens(),
                b::maxJudgeOutputTokens);
        PropertyChecks.set("railguard.limits.call-timeout", l.getCallTimeout(), b::callTimeout);
        PropertyChecks.set("railguard.limits.evaluation-timeout", l.getEvaluationTimeout(), b::evaluationTimeout);
        return b;
    }
}
