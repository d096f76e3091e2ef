// Evaluates one output on three metrics and prints a table: verdict, score, threshold, then the failing units with
// the judge's reasons. The judge comes from the environment (RAILGUARD_JUDGE_BASE_URL, RAILGUARD_JUDGE_API_KEY, ...).
//
// From the repository root, after `mvn -B -q -DskipTests package -pl samples -am`:
//   jshell --class-path "$(cat samples/target/jshell.classpath)" samples/jshell/evaluate-one.jsh
// Delete the last line (/exit) to stay in jshell afterwards.

import dev.railguard.api.*;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import java.util.*;

String prompt = "What is the capital of France, and how many people live there?";
String output = "The capital of France is Paris, a city of about 80 million people.";
List<String> metrics = List.of("correctness", "completeness", "comprehensive_safety");

String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 3) + "...";
}

String score(MetricResult m) {
    return m.score().isPresent() ? String.format(Locale.ROOT, "%.2f", m.score().getAsDouble()) : "-";
}

void print(EvaluationResult result) {
    System.out.printf("%-22s %-8s %6s %9s  %s%n", "metric", "verdict", "score", "threshold", "rationale");
    System.out.println("-".repeat(110));
    for (MetricResult m : result.metrics().values()) {
        System.out.printf(Locale.ROOT, "%-22s %-8s %6s %9.2f  %s%n", m.metric(), m.verdict(), score(m), m.threshold(),
                fit(m.rationale(), 60));
    }
    System.out.println("-".repeat(110));
    System.out.println("passed: " + result.passed() + "   judge calls: " + result.usage().judgeCalls()
            + "   tokens: " + result.usage().totalTokens() + "   event: " + result.eventId());
    for (MetricResult m : result.notPassed()) {
        System.out.println();
        System.out.println(m.metric() + " " + m.verdict() + ": " + m.rationale());
        for (UnitVerdict u : m.failingUnits()) {
            System.out.println("  N (" + u.confidence().name().toLowerCase(Locale.ROOT) + ") " + u.text() + " -- "
                    + u.reason());
        }
        for (Diagnostic d : m.diagnostics()) {
            if (!d.message().equals(m.rationale())) {
                System.out.println("  " + d);
            }
        }
    }
}

int run() {
    Optional<JudgePanel> panel = JudgeEnvironment.fromSystem().panel();
    if (panel.isEmpty()) {
        System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE);
        return 2;
    }
    try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel.get()).build()) {
        EvaluationResult result = evaluator.evaluate(EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt(prompt))
                .modelOutput(output)
                .metrics(metrics)
                .build());
        System.out.println("output: " + output);
        System.out.println();
        print(result);
        return 0;
    } catch (RuntimeException e) {
        System.out.println("evaluation failed: " + e.getMessage());
        return 1;
    }
}

/exit run()
