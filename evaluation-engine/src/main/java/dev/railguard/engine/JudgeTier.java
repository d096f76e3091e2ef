package dev.railguard.engine;

/** The tiers of a {@link JudgePanel}; run modes pick judges by tier. */
public enum JudgeTier {
    /** Cheap, quick models: {@code ultra_fast} and {@code super_fast}. */
    FAST,
    /** The default judges: {@code fast} and the precision modes. */
    STANDARD,
    /** The strongest judge, which settles disagreements in the {@code precision_max} modes. */
    STRONG,
    /** Code-aware judges for the {@code codex} modes. */
    CODE
}
