package dev.railguard.samples;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.evals.AccuracyEval;
import dev.railguard.evals.AccuracyResult;
import dev.railguard.evals.EvalRun;
import dev.railguard.evals.Subject;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Accuracy eval: a calculator agent answers three times; the configured judge scores each answer 1..10 against two
 * accepted answers; the run passes when the mean score is at least 8. Needs a judge (see {@link JudgeEnvironment}).
 * The agent here is a plain function; an AI service method ({@code assistant::chat}) plugs in the same way.
 */
public final class AccuracyEvalSample {

    private AccuracyEvalSample() {}

    /** Runs the sample with {@code panel}, printing to {@code out}; empty when no judge is configured. */
    static Optional<EvalRun> run(Optional<JudgePanel> panel, PrintStream out) {
        if (panel.isEmpty()) {
            out.println("AccuracyEvalSample needs a judge. " + JudgeEnvironment.HOW_TO_CONFIGURE);
            return Optional.empty();
        }
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel.get()).build()) {
            Subject calculator = Subject.of("calculator", "scripted", question -> "10 * 5 = 50, and 50 squared is 2500.");
            EvalRun run = AccuracyEval.builder(evaluator)
                    .name("calculator-accuracy")
                    .input("What is 10 * 5, then to the power of 2? Show the steps.")
                    .expectedOutput("2500", "10 * 5 = 50; 50^2 = 2500")
                    .additionalGuidelines("Steps may be written in words or symbols")
                    .numIterations(3)
                    .threshold(8)
                    .build()
                    .run(calculator);
            AccuracyResult r = (AccuracyResult) run.evalData();
            out.printf("accuracy %s: mean %s, median %s, min %s, max %s, stdev %s, errors %d%n", r.evalStatus(),
                    r.avgScore(), r.medianScore(), r.minScore(), r.maxScore(), r.stdDevScore(), r.numErrors());
            out.println(run.toJson());
            return Optional.of(run);
        }
    }

    /** Runs the sample with the judge of the environment. */
    public static void main(String... args) {
        run(JudgeEnvironment.fromSystem().panel(), System.out);
    }
}
