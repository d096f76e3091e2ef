package dev.railguard.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor of the library: every text Railguard stores, prints or throws that may carry what a server sent
 * back (rationales, diagnostics, results files, reports, exception and assertion messages) goes through
 * {@link #redact(String)}. It replaces every registered secret (the API keys judges were configured with; see
 * {@link #register(String)}) and anything shaped like a credential (a bearer token, an {@code Authorization} or
 * {@code api-key}, {@code password} or {@code secret} value, an OpenAI-style {@code sk-...} key, GitHub, Slack, AWS
 * and Google keys, a JSON web token) with {@value #MASK}.
 *
 * <pre>{@code
 * Redaction.register(System.getenv("MY_GATEWAY_KEY"));   // a key Railguard did not read itself
 * }</pre>
 *
 * <p>{@code JudgeEnvironment} registers the keys it reads. Registered secrets live in memory for the life of the
 * JVM and are never written anywhere.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    /** Registered secrets shorter than this are ignored: they would mask ordinary words. */
    public static final int MIN_SECRET_LENGTH = 8;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)([A-Za-z0-9._~+/=-]{6,})");
    private static final Pattern HEADER = Pattern.compile(
            "(?i)((?:authorization|proxy-authorization|x-api-key|api[-_]?key|access[-_]?(?:token|key)|client[-_]?secret"
                    + "|secret|password|passwd)\\\\?\"?\\s*[:=]\\s*"
                    + "\\\\?\"?(?:(?:basic|digest|token)\\s+)?)(?!bearer\\s)(?!\\[REDACTED\\])"
                    + "([^\\s\"',;}&\\\\]{6,})");
    /** Credentials recognised by their shape: OpenAI, GitHub, Slack, AWS and Google keys, JSON web tokens. */
    private static final Pattern KEY_SHAPE = Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"
            + "|\\bgh[pousr]_[A-Za-z0-9]{20,}"
            + "|\\bxox[abposr]-[A-Za-z0-9-]{10,}"
            + "|\\bAKIA[0-9A-Z]{16}\\b"
            + "|\\bAIza[0-9A-Za-z_-]{35}\\b"
            + "|\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private Redaction() {}

    /**
     * Registers {@code secret} so that it never appears in a text Railguard produces. Null, blank and short values
     * (under {@value #MIN_SECRET_LENGTH} characters) are ignored.
     */
    public static void register(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            return;
        }
        if (SECRETS.add(secret.strip())) {
            longestFirst = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    /** {@code text} with every registered secret and credential-shaped value masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : longestFirst) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        // a token seen after "Bearer" or in a credential header is masked wherever else the text repeats it
        List<String> seen = new java.util.ArrayList<>();
        for (Pattern p : new Pattern[] {BEARER, HEADER}) {
            Matcher m = p.matcher(out);
            while (m.find()) {
                seen.add(m.group(2));
            }
        }
        out = replace(BEARER, out, m -> m.group(1) + MASK);
        out = replace(HEADER, out, m -> m.group(1) + MASK);
        for (String token : seen) {
            out = out.replace(token, MASK);
        }
        out = replace(KEY_SHAPE, out, m -> MASK);
        return out;
    }

    /** A copy of {@code message} redacted, for exception messages built from foreign text. */
    public static String redact(Object message) {
        return redact(Objects.toString(message, null));
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(with.apply(m)));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
