package dev.railguard.api;

/**
 * A note attached to a metric result: why it could not be evaluated, what a judge returned that could not be
 * parsed, what was looked up, what a default rule decided.
 *
 * @param severity how much it matters
 * @param message  the note, never blank
 */
public record Diagnostic(Severity severity, String message) {

    /** How much a diagnostic matters. */
    public enum Severity {
        /** For the record: a default rule applied, a search was made. */
        INFO,
        /** Something the user should look at; the result still stands. */
        WARNING,
        /** The reason the metric is {@link Verdict#ERROR}. */
        ERROR
    }

    /** Validates. */
    public Diagnostic {
        Checks.notNull(severity, "diagnostic.severity");
        Checks.nonBlank(message, "diagnostic.message");
    }

    /** An {@link Severity#INFO} diagnostic. */
    public static Diagnostic info(String message) {
        return new Diagnostic(Severity.INFO, message);
    }

    /** A {@link Severity#WARNING} diagnostic. */
    public static Diagnostic warning(String message) {
        return new Diagnostic(Severity.WARNING, message);
    }

    /** An {@link Severity#ERROR} diagnostic. */
    public static Diagnostic error(String message) {
        return new Diagnostic(Severity.ERROR, message);
    }

    @Override
    public String toString() {
        return severity + ": " + message;
    }
}
