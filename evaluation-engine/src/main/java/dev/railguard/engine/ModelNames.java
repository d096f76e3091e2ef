package dev.railguard.engine;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The normal form of a model name, by which a request's {@code modelUsed} is matched with a judge's model: a dated
 * or prefixed name is the same model ({@code gpt-4o-2024-08-06}, {@code openai/gpt-4o}, {@code GPT-4o} and
 * {@code gpt-4o-latest} are all {@code gpt-4o}). The rules, in order:
 * <ol>
 * <li>surrounding white space is dropped and the name is lower-cased;</li>
 * <li>a provider or path prefix is dropped: everything up to the last {@code /} ({@code openai/gpt-4o},
 *     {@code models/gemini-1.5-pro});</li>
 * <li>a {@code -latest} or {@code :latest} suffix is dropped;</li>
 * <li>a date suffix is dropped: {@code -YYYY-MM-DD}, {@code -YYYYMMDD}, {@code @YYYYMMDD} (Vertex AI) or OpenAI's
 *     four-digit {@code -MMDD} snapshots ({@code gpt-4-0613});</li>
 * </ol>
 * Steps 3 and 4 repeat until nothing changes. Anything else stays: {@code gpt-4o-mini} is not {@code gpt-4o}, and a
 * name that no rule can connect to its model (an Azure deployment name) is declared with
 * {@link JudgePanel.Builder#alias(String, String)}.
 */
public final class ModelNames {

    private static final Pattern SUFFIX = Pattern.compile(
            "(?:[-:]latest|-\\d{4}-\\d{2}-\\d{2}|[-@]\\d{8}|-(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))$");

    private ModelNames() {}

    /**
     * The normal form of {@code name} (see the class documentation).
     *
     * @throws NullPointerException if {@code name} is null
     */
    public static String normalize(String name) {
        Objects.requireNonNull(name, "model name must not be null");
        String n = name.strip().toLowerCase(Locale.ROOT);
        n = n.substring(n.lastIndexOf('/') + 1);
        String before;
        do {
            before = n;
            n = SUFFIX.matcher(n).replaceFirst("");
        } while (!n.equals(before) && !n.isEmpty());
        return n.isEmpty() ? before : n;
    }

    /** Whether {@code a} and {@code b} have the same normal form; false when either is null. */
    public static boolean same(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }
}
