package dev.railguard.store;

/** The database failed an operation of the store; the message names the operation and the database (no password). */
public class EventStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure of {@code operation} on the store at {@code where}. */
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
