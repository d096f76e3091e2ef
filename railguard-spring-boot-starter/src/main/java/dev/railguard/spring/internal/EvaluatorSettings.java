package dev.railguard.spring.internal;

import dev.railguard.api.RunMode;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import dev.railguard.spring.RailguardProperties;
import java.util.Map;

/** {@code railguard.*} applied to an evaluator builder, each value checked and named when it is bad. */
public final class EvaluatorSettings {

    private EvaluatorSettings() {}

    /** The run mode of {@code railguard.run-mode}. */
    public static RunMode runMode(RailguardProperties props) {
        return PropertyChecks.parse("railguard.run-mode", props.getRunMode(), RunMode::fromWireName);
    }

    /** The checked default thresholds of {@code railguard.thresholds}. */
    public static Map<String, Double> thresholds(RailguardProperties props) {
        props.getThresholds().forEach((metric, t) -> PropertyChecks.threshold("railguard.thresholds." + metric, t));
        return Map.copyOf(props.getThresholds());
    }

    /** Applies self-judging, cache and limits to {@code b}. */
    public static RailguardEvaluator.Builder apply(RailguardProperties props, RailguardEvaluator.Builder b) {
        runMode(props);
        thresholds(props);
        b.selfJudging(PropertyChecks.oneOf("railguard.self-judging", props.getSelfJudging(), SelfJudging.class));
        RailguardProperties.Cache cache = props.getCache();
        b.cache(cache.isEnabled());
        if (cache.isEnabled()) {
            b.cacheMaximumSize(PropertyChecks.atLeast("railguard.cache.maximum-size", cache.getMaximumSize(), 1));
            b.cacheExpiry(cache.getExpiry());
            if (cache.getDirectory() != null) {
                b.cacheDirectory(cache.getDirectory());
            }
        }
        RailguardProperties.Limits l = props.getLimits();
        if (l.getMaxConcurrentJudgeCalls() != null) {
            b.maxConcurrentJudgeCalls((int) PropertyChecks.atLeast("railguard.limits.max-concurrent-judge-calls",
                    l.getMaxConcurrentJudgeCalls(), 1));
        }
        if (l.getMaxConcurrentCallsPerJudge() != null) {
            b.maxConcurrentCallsPerJudge((int) PropertyChecks.atLeast("railguard.limits.max-concurrent-calls-per-judge",
                    l.getMaxConcurrentCallsPerJudge(), 1));
        }
        if (l.getMaxCallAttempts() != null) {
            b.maxCallAttempts((int) PropertyChecks.atLeast("railguard.limits.max-call-attempts", l.getMaxCallAttempts(), 1));
        }
        if (l.getMaxInFlightEvaluations() != null) {
            b.maxInFlightEvaluations((int) PropertyChecks.atLeast("railguard.limits.max-in-flight-evaluations",
                    l.getMaxInFlightEvaluations(), 1));
        }
        if (l.getMaxPromptTokens() != null) {
            b.maxPromptTokens(PropertyChecks.atLeast("railguard.limits.max-prompt-tokens", l.getMaxPromptTokens(), 1));
        }
        if (l.getMaxJudgeOutputTokens() != null) {
            b.maxJudgeOutputTokens((int) PropertyChecks.atLeast("railguard.limits.max-judge-output-tokens",
                    l.getMaxJudgeOutputTokens(), 1));
        }
        if (l.getCallTimeout() != null) {
            PropertyChecks.atLeast("railguard.limits.call-timeout", l.getCallTimeout().toMillis(), 1);
            b.callTimeout(l.getCallTimeout());
        }
        if (l.getEvaluationTimeout() != null) {
            PropertyChecks.atLeast("railguard.limits.evaluation-timeout", l.getEvaluationTimeout().toMillis(), 1);
            b.evaluationTimeout(l.getEvaluationTimeout());
        }
        return b;
    }
}
