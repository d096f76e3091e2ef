package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RunModePlan;
import dev.railguard.engine.SelfJudging;
import dev.railguard.engine.internal.runmode.EvaluationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the roles whose only available judge is the model that produced the output (verifiers, the partitioner and
 * the arbiter of a run mode's plan; the judge of an agent eval), and refuses or describes the warning, as the
 * evaluator's {@link SelfJudging} policy says. Models are matched by {@link JudgePanel#isModelUsed}: normal form and
 * the panel's aliases.
 */
public final class SelfJudgingCheck {

    private SelfJudgingCheck() {}

    /**
     * The warnings for {@code request} (empty when no role judges its own model's output).
     *
     * @param howToAllow how the user of this evaluator allows self-judging, quoted in the refusal
     * @throws IllegalArgumentException under {@link SelfJudging#REFUSE} when a role can only get {@code modelUsed}
     */
    static List<String> check(EvaluationRequest request, RunModePlan plan, JudgePanel panel, SelfJudging policy,
            String howToAllow) {
        String modelUsed = request.modelUsed();
        if (modelUsed == null || modelUsed.isBlank() || plan == null) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        List<Judge> verifiers = EvaluationContext.distinct(panel, plan.verifiers(), modelUsed);
        for (int i = 0; i < verifiers.size(); i++) {
            if (panel.isModelUsed(verifiers.get(i), modelUsed)) {
                roles.add(role("verifier", plan.verifiers().get(i), verifiers.get(i)));
            }
        }
        self(panel, plan.partitioner(), modelUsed).ifPresent(j -> roles.add(role("partitioner",
                plan.partitioner().get(), j)));
        self(panel, plan.arbiter(), modelUsed).ifPresent(j -> roles.add(role("arbiter", plan.arbiter().get(), j)));
        if (roles.isEmpty()) {
            return List.of();
        }
        return decide(policy, howToAllow, "modelUsed '" + modelUsed + "' is the only judge runMode '"
                + request.runMode().wireName() + "' can get for " + String.join(" and ", roles), modelUsed, roles);
    }

    /**
     * The check for one judge in one role outside a run mode (an agent eval's judge): empty when {@code judge} is not
     * {@code modelUsed}'s model, else the warning under {@link SelfJudging#ALLOW_WITH_WARNING}.
     *
     * @throws IllegalArgumentException under {@link SelfJudging#REFUSE} when {@code judge} is {@code modelUsed}
     */
    public static Optional<String> checkJudge(JudgePanel panel, Judge judge, String modelUsed, String role,
            SelfJudging policy, String howToAllow) {
        if (!panel.isModelUsed(judge, modelUsed)) {
            return Optional.empty();
        }
        String described = "the " + role + " (judge '" + judge.name() + "')";
        return decide(policy, howToAllow, "the " + role + "'s judge '" + judge.name() + "' is the subject's own model '"
                + modelUsed + "'", modelUsed, List.of(described)).stream().findFirst();
    }

    private static List<String> decide(SelfJudging policy, String howToAllow, String what, String modelUsed,
            List<String> roles) {
        if (policy == SelfJudging.REFUSE) {
            throw new IllegalArgumentException(what + ", so a model would judge its own output; add another judge"
                    + " to that tier, or allow it with " + howToAllow);
        }
        return roles.stream().map(r -> "self-judging: modelUsed '" + modelUsed + "' judged its own output as "
                + r + ", because no other judge was available (allowed by selfJudging(ALLOW_WITH_WARNING))").toList();
    }

    private static Optional<Judge> self(JudgePanel panel, Optional<JudgeTier> tier, String modelUsed) {
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        List<Judge> picked = panel.pick(tier.get(), 1, modelUsed);
        return picked.isEmpty() || !panel.isModelUsed(picked.get(0), modelUsed) ? Optional.empty()
                : Optional.of(picked.get(0));
    }

    private static String role(String role, JudgeTier tier, Judge judge) {
        return "the " + role + " (tier " + tier.name().toLowerCase(Locale.ROOT) + ", judge '" + judge.name() + "')";
    }
}
