package dev.railguard.samples;

import dev.langchain4j.service.AiServices;
import dev.railguard.evals.EvalRun;
import dev.railguard.evals.PerformanceEval;
import dev.railguard.evals.PerformanceResult;
import dev.railguard.testkit.ScriptedChatModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Performance eval, offline: times building and calling a LangChain4j AI service over a scripted model (Agno's
 * "instantiate an agent" benchmark), writes the p95 as a baseline file, and checks a second run against it with a
 * factor of 1.5. Allocated bytes are those of the measuring thread only (see {@link PerformanceEval}).
 */
public final class PerformanceEvalSample {

    private PerformanceEvalSample() {}

    /** The AI service being built and called. */
    interface Assistant {
        String chat(String message);
    }

    /** Runs the sample, keeping the baseline in {@code dir}; returns the second (gated) run. */
    static EvalRun run(Path dir, PrintStream out) {
        Runnable buildAndAsk = () -> AiServices.create(Assistant.class, ScriptedChatModel.replying("Hello!"))
                .chat("Hi");
        PerformanceEval.Builder perf = PerformanceEval.builder().name("ai-service-build-and-call")
                .warmupRuns(5).numIterations(50);
        EvalRun first = perf.build().run("AiServices.create+chat", buildAndAsk);
        Path baseline = dir.resolve("perf-baseline.json");
        PerformanceEval.writeBaseline(first, baseline);
        EvalRun gated = perf.baseline(baseline).regressionFactor(1.5).build().run("AiServices.create+chat", buildAndAsk);
        PerformanceResult r = (PerformanceResult) gated.evalData();
        out.printf("performance %s: mean %.6f s, median %.6f s, p95 %.6f s (baseline %.6f s x %.1f); "
                + "allocated p95 %.0f bytes on the measuring thread%n", r.evalStatus(), r.avgRunTime(),
                r.medianRunTime(), r.p95RunTime(), r.baselineP95RunTime(), r.regressionFactor(),
                r.p95AllocatedBytes());
        r.regressions().forEach(reg -> out.println("  regression: " + reg));
        return gated;
    }

    /** Runs the sample with a baseline in a temporary directory. */
    public static void main(String... args) {
        try {
            run(Files.createTempDirectory("railguard-perf"), System.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
