package dev.railguard.evals;

/**
 * The result of one eval run ({@code eval_data}): one of {@link AccuracyResult}, {@link AgentAsJudgeResult},
 * {@link PerformanceResult}, {@link ReliabilityResult}.
 */
public sealed interface EvalData permits AccuracyResult, AgentAsJudgeResult, PerformanceResult, ReliabilityResult {

    /** The overall status ({@code eval_status}). */
    EvalStatus evalStatus();
}
