package dev.railguard.telemetry.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Texts that leave the process through telemetry: secrets redacted, then trimmed. Plain Java, no telemetry types. */
public final class Texts {

    /** What a redacted secret becomes. */
    public static final String REDACTED = "[REDACTED]";

    private static final List<Pattern> SECRETS = List.of(
            // Authorization headers and bearer tokens
            Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
            // key=value or "key": "value" pairs whose key names a secret
            Pattern.compile("(?i)((?:api[_-]?key|apikey|secret|password|passwd|token|access[_-]?key|client[_-]?secret)"
                    + "[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;}&]{4,})"),
            // provider key formats: OpenAI/Anthropic sk-..., GitHub, Slack, AWS access keys, Google API keys
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            // JSON web tokens
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"));

    private Texts() {
    }

    /** {@code text} with every secret-looking token replaced by {@value #REDACTED}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (int i = 0; i < SECRETS.size(); i++) {
            Matcher m = SECRETS.get(i).matcher(out);
            if (i == 1) {
                out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + REDACTED));
            } else if (i == 0) {
                out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " " + REDACTED));
            } else {
                out = m.replaceAll(REDACTED);
            }
        }
        return out;
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
