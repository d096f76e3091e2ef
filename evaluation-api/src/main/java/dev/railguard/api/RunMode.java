package dev.railguard.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How thoroughly an output is judged, from the fastest and cheapest to the most thorough (DeepRails' run modes).
 * A run mode says <em>how</em> units are judged (which judges, how many passes, holistic or partitioned); a metric
 * says <em>what</em> a unit is. The default plan of each mode is described in the project's ARCHITECTURE.md.
 */
public enum RunMode {
    /** Maximum throughput: in-process checks, and one shared fast-tier call for all judged metrics. No search. */
    ULTRA_FAST("ultra_fast"),
    /** High-speed lightweight checks: one fast-tier call per metric, holistic. No search. */
    SUPER_FAST("super_fast"),
    /** Balanced speed and accuracy (the default): one standard-tier call per metric that partitions and verifies. */
    FAST("fast"),
    /** Deep multi-model analysis: shared partition per unit kind, every unit verified by two distinct judges. */
    PRECISION("precision"),
    /** As {@link #PRECISION}, with a code-aware partition and code rubrics. */
    PRECISION_CODEX("precision_codex"),
    /** Exhaustive multi-pass verification: k passes per judge, disagreements settled by the strongest judge. */
    PRECISION_MAX("precision_max"),
    /** {@link #PRECISION_MAX} with the code-aware partition and rubrics. */
    PRECISION_MAX_CODEX("precision_max_codex");

    private final String wireName;

    RunMode(String wireName) {
        this.wireName = wireName;
    }

    /** The snake_case name used in JSON and by DeepRails, for example {@code "precision_max_codex"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether judges may be given web or file search in this mode; {@code false} for the two fastest modes. */
    public boolean supportsSearch() {
        return this != ULTRA_FAST && this != SUPER_FAST;
    }

    /** Whether this mode uses the code-aware partition and rubrics. */
    public boolean codeAware() {
        return this == PRECISION_CODEX || this == PRECISION_MAX_CODEX;
    }

    /** The wire names of all modes, fastest first. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RunMode::wireName).collect(Collectors.toList());
    }

    /**
     * Looks a run mode up by its wire name ({@code "precision_max"}) or enum name ({@code "PRECISION_MAX"}),
     * ignoring case and surrounding blanks.
     *
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException naming the valid modes when {@code name} is none of them
     */
    public static RunMode fromWireName(String name) {
        Checks.notNull(name, "runMode");
        String n = name.trim();
        for (RunMode m : values()) {
            if (m.wireName.equalsIgnoreCase(n) || m.name().equalsIgnoreCase(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("runMode must be one of " + wireNames() + ", but was: '" + name + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
