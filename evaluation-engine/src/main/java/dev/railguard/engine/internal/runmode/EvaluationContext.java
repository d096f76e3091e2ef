package dev.railguard.engine.internal.runmode;

import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RunModePlan;
import dev.railguard.engine.internal.judge.JudgeClient;
import dev.railguard.engine.internal.search.JudgeTools;
import dev.railguard.engine.internal.search.ToolBox;

import dev.railguard.api.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run-mode strategy works with for one request: the request, the judges, the client that asks them, the
 * mode's plan and the search tools.
 */
public record EvaluationContext(EvaluationRequest request, JudgePanel panel, JudgeClient client, RunModePlan plan,
        JudgeTools tools) {

    /**
     * {@code count} distinct judges of {@code tier}, never the model that produced the output when the tier has
     * enough others.
     *
     * @throws IllegalStateException if the tier has fewer than {@code count} judges (validation prevents this)
     */
    public List<Judge> judges(JudgeTier tier, int count) {
        List<Judge> picked = panel.pick(tier, count, request.modelUsed());
        if (picked.size() < count) {
            throw new IllegalStateException("tier " + tier + " has " + picked.size() + " judges, " + count + " needed");
        }
        return picked;
    }

    /** The plan's verifiers: one distinct judge per verifier tier, never {@code modelUsed} when avoidable. */
    public List<Judge> verifiers() {
        List<Judge> picked = distinct(panel, plan.verifiers(), request.modelUsed());
        if (picked.size() < plan.verifiers().size()) {
            throw new IllegalStateException("the panel cannot fill verifiers " + plan.verifiers() + ": " + panel);
        }
        return picked;
    }

    /** The judge that partitions, preferring one that is not {@code modelUsed}. */
    public Judge partitioner() {
        return judges(plan.partitioner().orElseThrow(), 1).get(0);
    }

    /**
     * The arbiter, if the plan has one: preferably neither {@code modelUsed} nor one of {@code verifiers}; {@code
     * modelUsed} only when its tier has no other judge, which validation refuses unless self-judging is allowed.
     */
    public Optional<Judge> arbiter(List<Judge> verifiers) {
        if (plan.arbiter().isEmpty()) {
            return Optional.empty();
        }
        List<Judge> candidates = panel.pick(plan.arbiter().get(), Integer.MAX_VALUE, request.modelUsed());
        return candidates.stream().filter(j -> !verifiers.contains(j) && !panel.isModelUsed(j, request.modelUsed()))
                .findFirst().or(() -> candidates.stream().findFirst());
    }

    /** A fresh tool box for one call, by the request's capabilities. */
    public ToolBox toolBox() {
        return tools.forRequest(request);
    }

    /**
     * One distinct judge per entry of {@code tiers}, in order; a judge already picked for an earlier entry is not
     * picked again (nor another name for the same {@code ChatModel} instance), and {@code modelUsed} only when its
     * tier has no other free judge. Shorter than {@code tiers} when the panel cannot fill them all.
     */
    public static List<Judge> distinct(JudgePanel panel, List<JudgeTier> tiers, String modelUsed) {
        // the tiers with the fewest judges choose first, so a small tier is not starved by a larger one
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingInt(i -> panel.judges(tiers.get(i)).size()));
        Judge[] chosen = new Judge[tiers.size()];
        List<Judge> taken = new ArrayList<>();
        for (int i : order) {
            for (Judge j : panel.pick(tiers.get(i), Integer.MAX_VALUE, modelUsed)) {
                // one ChatModel registered under two names is one judge, not two verifiers
                if (taken.stream().noneMatch(t -> t.equals(j) || t.model() == j.model())) {
                    chosen[i] = j;
                    taken.add(j);
                    break;
                }
            }
        }
        List<Judge> out = new ArrayList<>();
        for (Judge j : chosen) {
            if (j != null) {
                out.add(j);
            }
        }
        return out;
    }
}
