package dev.railguard.engine;

import dev.railguard.api.status.Internal;
import dev.railguard.engine.internal.call.CallFailedException;
import dev.railguard.engine.internal.call.Failures;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * How the engine tells about failures: one way to put a failure into words for diagnostics, event records and
 * exception messages (what the engine writes into an {@code ERROR} verdict, and what workflows, monitors and batch runs
 * write when an evaluation fails), whether a failure was a cancellation, and how a listener that throws is told
 * about (the engine's evaluation observers and the workflows' event observers share that rule).
 *
 * <p>Public for Railguard's own modules only ({@link Internal}): not part of the API.
 */
@Internal
public final class EvaluationFailures {

    private static final int MAX_TEXT = 2000;
    /** Logger name, listener class and method of every listener failure logged at WARN so far. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private EvaluationFailures() {}

    /**
     * A one-line description of {@code error}: a failed judge call's own message (it names the judge and the cause),
     * otherwise the exception's simple class name and its message, abbreviated. Wrappers such as
     * {@code CompletionException} are looked through.
     */
    public static String describe(Throwable error) {
        Throwable t = Failures.unwrap(error);
        if (t instanceof CallFailedException) {
            return Redaction.redact(t.getMessage());
        }
        String html = Failures.htmlPage(t);
        if (html != null) {
            return Failures.HTML_ANSWER + (html.isEmpty() ? "" : " (the page starts: "
                    + abbreviate(html.length() > 200 ? html.substring(0, 200) + "..." : html) + ")");
        }
        String message = t.getMessage() == null ? "" : ": " + abbreviate(t.getMessage());
        return t.getClass().getSimpleName() + message;
    }

    /** Whether {@code error} is a cancellation (the caller's, or a close), directly or inside a completion wrapper. */
    public static boolean isCancellation(Throwable error) {
        return error instanceof CancellationException
                || (error instanceof CompletionException && error.getCause() instanceof CancellationException);
    }

    /**
     * {@code text} with secrets redacted ({@link Redaction}: a server's error body may echo the request's key), cut to
     * 2,000 characters with a note of how many were left out; {@code "(no text)"} for null.
     */
    public static String abbreviate(String text) {
        if (text == null) {
            return "(no text)";
        }
        String r = Redaction.redact(text);
        return r.length() <= MAX_TEXT ? r
                : r.substring(0, MAX_TEXT) + "... (" + (r.length() - MAX_TEXT) + " more characters)";
    }

    /**
     * Tells each of {@code listeners} in turn through {@code call}, guarded: whatever one throws (a
     * {@link RuntimeException}, a {@link LinkageError} such as a missing optional class; everything but a
     * {@link VirtualMachineError}) is {@linkplain #listenerThrew logged} and never reaches the caller or the next
     * listener.
     */
    public static <T> void tellEach(Logger log, List<? extends T> listeners, String method, Consumer<? super T> call) {
        for (T listener : listeners) {
            try {
                call.accept(listener);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                listenerThrew(log, listener, method, e);
            }
        }
    }

    /**
     * Logs that {@code listener} threw {@code e} in {@code method}: at WARN the first time per logger, listener class
     * and method in this JVM, then at DEBUG, so a listener that fails on every event does not flood the log.
     */
    public static void listenerThrew(Logger log, Object listener, String method, Throwable e) {
        String type = listener.getClass().getName();
        if (WARNED.add(log.getName() + ":" + type + "." + method)) {
            log.warn("observer {} threw in {} (ignored; further failures are logged at DEBUG): {}", type, method,
                    e.toString());
        } else {
            log.debug("observer {} threw in {}: {}", type, method, e.toString());
        }
    }
}
