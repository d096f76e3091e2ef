package dev.railguard.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link Workflow} does with an output that fails one of its metrics (DeepRails Defend's
 * {@code improvement_action}).
 */
public enum ImprovementAction {
    /**
     * Discards the failed output and runs the original prompt (system and user) again on the workflow's generator with
     * a raised temperature, for failures whose cause is systemic.
     */
    REGEN("regen"),
    /**
     * Asks the generator to repair the failed output: a prompt built from the original prompt, the failed output and the
     * failing metrics' rationales and units, asking to fix only those and keep everything else.
     */
    FIXIT("fixit"),
    /** Evaluates and flags only: the event ends {@link ImprovementToolStatus#IMPROVEMENT_REQUIRED}. */
    DO_NOTHING("do_nothing");

    private final String wireName;

    ImprovementAction(String wireName) {
        this.wireName = wireName;
    }

    /** The DeepRails name, for example {@code "fixit"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether this action calls the generator. */
    public boolean improves() {
        return this != DO_NOTHING;
    }

    /**
     * The action named {@code name} (wire name or constant name, any case).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static ImprovementAction fromWireName(String name) {
        Objects.requireNonNull(name, "improvementAction must not be null");
        for (ImprovementAction a : values()) {
            if (a.wireName.equalsIgnoreCase(name.trim()) || a.name().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("improvementAction must be one of "
                + Arrays.stream(values()).map(ImprovementAction::wireName).toList() + ", but was: '" + name + "'");
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
