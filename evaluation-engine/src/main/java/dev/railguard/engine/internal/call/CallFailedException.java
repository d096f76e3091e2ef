package dev.railguard.engine.internal.call;

import dev.railguard.api.Usage;

/** A judge call that failed for good; the message names the cause, and the usage of its attempts travels with it. */
public final class CallFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Usage usage;
    private final String errorType;

    public CallFailedException(String message, Usage usage, Throwable cause) {
        this(message, usage, cause, null);
    }

    /** A failure whose low-cardinality {@code error.type} (for telemetry) is {@code errorType}. */
    public CallFailedException(String message, Usage usage, Throwable cause, String errorType) {
        super(message, cause);
        this.usage = usage;
        this.errorType = errorType;
    }

    /** The failure's low-cardinality {@code error.type} ({@code rate_limited}, {@code timeout}, ...), or null. */
    public String errorType() {
        return errorType;
    }

    /** Tokens, calls and time spent on the attempts before the call failed. */
    public Usage usage() {
        return usage;
    }
}
