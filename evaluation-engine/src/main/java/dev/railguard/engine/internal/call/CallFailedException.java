package dev.railguard.engine.internal.call;

import dev.railguard.api.Usage;

/** A judge call that failed for good; the message names the cause, and the usage of its attempts travels with it. */
public final class CallFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Usage usage;

    public CallFailedException(String message, Usage usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** Tokens, calls and time spent on the attempts before the call failed. */
    public Usage usage() {
        return usage;
    }
}
