package dev.railguard.engine;

/**
 * What an evaluator does when the model that produced an output ({@code modelUsed}) is the only judge a role of the
 * run mode can get: a model would judge its own output. Set with {@code RailguardEvaluator.Builder.selfJudging}.
 */
public enum SelfJudging {
    /** The request is refused at validation, naming the role and what to add. The default. */
    REFUSE,
    /** The request runs; every affected metric carries a WARNING diagnostic naming the judge and the role. */
    ALLOW_WITH_WARNING
}
