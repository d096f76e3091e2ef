package dev.railguard.engine;

import dev.railguard.api.status.Internal;
import dev.railguard.engine.internal.call.CallFailedException;
import dev.railguard.engine.internal.call.Failures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * How the engine tells about failures: one way to put a failure into words for diagnostics, event records and
 * exception messages (what the engine writes into an {@code ERROR} verdict, and what workflows, monitors and batch runs
 * write when an evaluation fails), and whether a failure was a cancellation.
 *
 * <p>Public for Railguard's own modules only ({@link Internal}): not part of the API.
 */
@Internal
public final class EvaluationFailures {

    private static final int MAX_TEXT = 2000;

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
}
