package dev.railguard.cli.internal;

/**
 * A failure the command reports as one line and an exit code (a gate that failed, a judge or configuration
 * problem), without a stack trace unless {@code --verbose}.
 */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A failure with {@code exitCode} and a one-line {@code message}. */
    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A failure with {@code exitCode}, a one-line {@code message} and its {@code cause} (shown by --verbose). */
    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
