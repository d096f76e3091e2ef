package dev.railguard.engine;

import dev.railguard.api.Checks;
import dev.railguard.api.RunMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which judges a run mode asks in which role, and how often. Every mode has a default plan ({@link #defaults}); a
 * user replaces it per mode with {@link RailguardEvaluator.Builder#plan(RunMode, RunModePlan)}, no subclassing.
 *
 * <pre>{@code
 * // precision_max with three standard verifiers, three passes each, and no arbiter
 * RailguardEvaluator.builder().judges(panel)
 *     .plan(RunMode.PRECISION_MAX, RunModePlan.defaults(RunMode.PRECISION_MAX)
 *         .withVerifiers(JudgeTier.STANDARD, JudgeTier.STANDARD, JudgeTier.STANDARD).withPasses(3).withoutArbiter())
 *     .build();
 * }</pre>
 *
 * @param partitioner the tier of the judge that splits the material into units once per unit kind; empty for the
 *                    modes that do not partition separately ({@code ultra_fast}, {@code super_fast}, {@code fast})
 * @param verifiers   one tier per verifier; the verifiers are distinct judges, so two entries of the same tier need
 *                    two judges in that tier. The single-call modes use exactly one
 * @param passes      how many times each verifier judges every unit, from 1 to 5; pass 2 and later list the units
 *                    in another order so that a pass is not a copy of the previous one
 * @param arbiter     the tier of the judge that gives the final verdict on units whose votes disagree; empty for
 *                    none
 */
public record RunModePlan(Optional<JudgeTier> partitioner, List<JudgeTier> verifiers, int passes,
        Optional<JudgeTier> arbiter) {

    /** The most passes a plan may ask for. */
    public static final int MAX_PASSES = 5;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the field and the value when there is no verifier, a verifier is
     *                                  null, or {@code passes} is outside 1..{@value #MAX_PASSES}
     */
    public RunModePlan {
        Objects.requireNonNull(partitioner, "partitioner must not be null");
        Objects.requireNonNull(verifiers, "verifiers must not be null");
        Objects.requireNonNull(arbiter, "arbiter must not be null");
        if (verifiers.isEmpty()) {
            throw new IllegalArgumentException("verifiers must name at least one tier, but was: []");
        }
        for (JudgeTier t : verifiers) {
            Objects.requireNonNull(t, "verifiers must not contain null");
        }
        verifiers = List.copyOf(verifiers);
        Checks.between(passes, 1, MAX_PASSES, "passes");
    }

    /** A plan with one verifier, one pass, no separate partition and no arbiter (the single-call modes). */
    public static RunModePlan single(JudgeTier tier) {
        return new RunModePlan(Optional.empty(), List.of(Objects.requireNonNull(tier, "tier must not be null")), 1,
                Optional.empty());
    }

    /**
     * The default plan of {@code mode}, as documented in ARCHITECTURE.md, "Run modes".
     * <ul>
     * <li>{@code ultra_fast}, {@code super_fast}: one fast-tier judge;</li>
     * <li>{@code fast}: one standard-tier judge;</li>
     * <li>{@code precision}: standard partitioner, two distinct standard verifiers, one pass;</li>
     * <li>{@code precision_codex}: code partitioner, a code and a standard verifier, one pass;</li>
     * <li>{@code precision_max}: as precision with 2 passes and a strong arbiter;</li>
     * <li>{@code precision_max_codex}: as precision_codex with 2 passes and a strong arbiter.</li>
     * </ul>
     */
    public static RunModePlan defaults(RunMode mode) {
        Objects.requireNonNull(mode, "mode must not be null");
        return switch (mode) {
            case ULTRA_FAST, SUPER_FAST -> single(JudgeTier.FAST);
            case FAST -> single(JudgeTier.STANDARD);
            case PRECISION -> new RunModePlan(Optional.of(JudgeTier.STANDARD),
                    List.of(JudgeTier.STANDARD, JudgeTier.STANDARD), 1, Optional.empty());
            case PRECISION_CODEX -> new RunModePlan(Optional.of(JudgeTier.CODE),
                    List.of(JudgeTier.CODE, JudgeTier.STANDARD), 1, Optional.empty());
            case PRECISION_MAX -> new RunModePlan(Optional.of(JudgeTier.STANDARD),
                    List.of(JudgeTier.STANDARD, JudgeTier.STANDARD), 2, Optional.of(JudgeTier.STRONG));
            case PRECISION_MAX_CODEX -> new RunModePlan(Optional.of(JudgeTier.CODE),
                    List.of(JudgeTier.CODE, JudgeTier.STANDARD), 2, Optional.of(JudgeTier.STRONG));
        };
    }

    /** This plan with {@code passes} passes per verifier. */
    public RunModePlan withPasses(int passes) {
        return new RunModePlan(partitioner, verifiers, passes, arbiter);
    }

    /** This plan with these verifier tiers, one distinct judge per entry. */
    public RunModePlan withVerifiers(JudgeTier... tiers) {
        return new RunModePlan(partitioner, List.of(tiers), passes, arbiter);
    }

    /** This plan with disputed units settled by a judge of {@code tier}. */
    public RunModePlan withArbiter(JudgeTier tier) {
        return new RunModePlan(partitioner, verifiers, passes, Optional.of(Objects.requireNonNull(tier,
                "arbiter must not be null")));
    }

    /** This plan without an arbiter: the confidence-weighted consensus is final. */
    public RunModePlan withoutArbiter() {
        return new RunModePlan(partitioner, verifiers, passes, Optional.empty());
    }

    /** This plan with the partition done by a judge of {@code tier}. */
    public RunModePlan withPartitioner(JudgeTier tier) {
        return new RunModePlan(Optional.of(Objects.requireNonNull(tier, "partitioner must not be null")), verifiers,
                passes, arbiter);
    }

    /**
     * Checks that this plan fits {@code mode}: the single-call modes take one verifier, one pass, no partitioner and
     * no arbiter; the precision modes need a partitioner.
     *
     * @throws IllegalArgumentException naming the mode and what does not fit
     */
    void checkFits(RunMode mode) {
        String m = "plan for runMode '" + mode.wireName() + "'";
        if (mode == RunMode.ULTRA_FAST || mode == RunMode.SUPER_FAST || mode == RunMode.FAST) {
            if (verifiers.size() != 1 || passes != 1 || partitioner.isPresent() || arbiter.isPresent()) {
                throw new IllegalArgumentException(m + " must have exactly one verifier, one pass, no partitioner and"
                        + " no arbiter (it makes one call per metric), but was: " + this);
            }
        } else if (partitioner.isEmpty()) {
            throw new IllegalArgumentException(m + " must name a partitioner tier, but was: " + this);
        }
    }

    /** The judge roles a panel must fill, as tier names, for messages. */
    static String tierNames(List<JudgeTier> tiers) {
        return tiers.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList().toString();
    }

    @Override
    public String toString() {
        return "RunModePlan{partitioner=" + partitioner.map(t -> t.name().toLowerCase(Locale.ROOT)).orElse("none")
                + ", verifiers=" + tierNames(verifiers) + ", passes=" + passes + ", arbiter="
                + arbiter.map(t -> t.name().toLowerCase(Locale.ROOT)).orElse("none") + "}";
    }
}
