package dev.railguard.telemetry.internal;

import dev.railguard.engine.Redaction;

/** Texts that leave the process through telemetry: secrets redacted, then trimmed. Plain Java, no telemetry types. */
public final class Texts {

    /** What a secret is replaced with: the engine's one redactor's mask. */
    public static final String REDACTED = Redaction.MASK;

    private Texts() {
    }

    /** {@code text} through the engine's one redactor ({@link Redaction}); {@code null} stays {@code null}. */
    public static String redact(String text) {
        return Redaction.redact(text);
    }

    /**
     * {@code text} redacted, whitespace runs collapsed, and cut to {@code max} characters with a marker saying how
     * many were left out.
     */
    public static String trimmed(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = redact(text).strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = max;
        if (Character.isHighSurrogate(t.charAt(cut - 1))) {
            cut--;
        }
        return t.substring(0, cut) + "... (" + (t.length() - cut) + " more characters)";
    }
}
