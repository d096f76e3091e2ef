package dev.railguard.engine.internal.runmode;

import java.util.Collections;
import java.util.EnumMap;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RunModePlan;

import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.RunMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How a run mode judges a request's judged metrics. A strategy sees all of them at once so it can share calls
 * (one partition per unit kind, one call for every metric); it never looks inside a metric beyond the
 * {@link JudgedMetric} declaration, and takes its judges from the mode's {@link RunModePlan}. Results never complete
 * exceptionally for judge problems.
 */
public interface RunModeStrategy {

    /** Starts judging and returns one future per metric name. */
    public Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks);

    /**
     * Checks that {@code panel} can serve {@code plan} for {@code metrics}: every role's tier has a judge, and the
     * verifiers are distinct judges.
     *
     * @throws IllegalArgumentException naming the mode and the missing tier or how many distinct judges are needed
     */
    public default void checkPanel(RunMode mode, RunModePlan plan, JudgePanel panel, List<JudgedMetric> metrics) {
        List<JudgeTier> roles = new ArrayList<>();
        plan.partitioner().ifPresent(roles::add);
        roles.addAll(plan.verifiers());
        plan.arbiter().ifPresent(roles::add);
        for (JudgeTier tier : roles) {
            if (panel.judges(tier).isEmpty()) {
                throw new IllegalArgumentException("runMode '" + mode.wireName() + "' needs a judge in tier "
                        + tier.name().toLowerCase(Locale.ROOT) + ", but the judge panel has none: " + panel);
            }
        }
        int available = EvaluationContext.distinct(panel, plan.verifiers(), null).size();
        if (available < plan.verifiers().size()) {
            throw new IllegalArgumentException("runMode '" + mode.wireName() + "' needs " + plan.verifiers().size()
                    + " distinct judges as verifiers (tiers " + plan.verifiers().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList()
                    + "), but the judge panel has only " + available + " for them: " + panel);
        }
    }

    /** One judged metric of a request with its threshold. */
    public record MetricTask(JudgedMetric metric, double threshold) {
        public String name() {
            return metric.name();
        }
    }

    /** Helper for strategies: the usage of a shared call goes to the first metric that used it. */
    public static Optional<String> sharedWith(List<MetricTask> tasks, int index) {
        return index == 0 ? Optional.empty() : Optional.of(tasks.get(0).name());
    }

    /** One strategy per run mode: the four precision modes share one, which reads the differences from the plan. */
    public static Map<RunMode, RunModeStrategy> byMode() {
        Map<RunMode, RunModeStrategy> s = new EnumMap<>(RunMode.class);
        s.put(RunMode.ULTRA_FAST, new UltraFastStrategy());
        s.put(RunMode.SUPER_FAST, new SuperFastStrategy());
        s.put(RunMode.FAST, new FastStrategy());
        PrecisionStrategy precision = new PrecisionStrategy();
        s.put(RunMode.PRECISION, precision);
        s.put(RunMode.PRECISION_CODEX, precision);
        s.put(RunMode.PRECISION_MAX, precision);
        s.put(RunMode.PRECISION_MAX_CODEX, precision);
        return Collections.unmodifiableMap(s);
    }
}
