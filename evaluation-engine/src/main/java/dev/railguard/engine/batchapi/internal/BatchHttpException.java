package dev.railguard.engine.batchapi.internal;

import java.io.IOException;
import java.time.Duration;

/** An error reply of a batch endpoint: its status, the provider's message and the delay a 429 asked for. */
public final class BatchHttpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Duration retryAfter;

    public BatchHttpException(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Whether asking again later could help: 429, 408 and 5xx. */
    public boolean retriable() {
        return status == 429 || status == 408 || status >= 500;
    }

    /** The delay the provider asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
