package dev.railguard.api;

/** The outcome of one metric on one output. */
public enum Verdict {
    /** The score reached the threshold. */
    PASS,
    /** The score fell below the threshold. */
    FAIL,
    /**
     * The metric could not be evaluated (judge failure, unparseable reply, timeout). Never counts as a pass; the
     * reason is in the rationale and the diagnostics.
     */
    ERROR,
    /** The metric was not evaluated on purpose, for example because no judge is configured; the reason says why. */
    SKIPPED;

    /** The lower-case name used in JSON, for example {@code "pass"}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
