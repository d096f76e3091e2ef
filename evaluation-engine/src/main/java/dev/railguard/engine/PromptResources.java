package dev.railguard.engine;

import dev.railguard.api.status.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt texts kept as versioned class-path resources ({@code name.vN.txt}) with {@code {{variable}}} placeholders,
 * for the engine's templates, metric authors' rubrics and eval prompts: one loader and one renderer. Each resource is
 * read once; a missing resource or an unfilled placeholder fails at once, naming it.
 *
 * <p>Public for Railguard's own modules only ({@link Internal}): not part of the API.
 */
@Internal
public final class PromptResources {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private PromptResources() {}

    /**
     * The text of resource {@code path}, relative to {@code anchor}'s package or absolute with a leading slash,
     * without trailing blank lines.
     *
     * @throws IllegalStateException naming the resource and the class when it is not on the class path
     */
    public static String load(Class<?> anchor, String path) {
        return CACHE.computeIfAbsent(anchor.getName() + ":" + path, k -> {
            try (InputStream in = anchor.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("prompt resource '" + path + "' not found on the class path of "
                            + anchor.getName());
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read prompt resource '" + path + "'", e);
            }
        });
    }

    /**
     * {@code template} with every {@code {{name}}} replaced by {@code values.get(name)}.
     *
     * @throws IllegalStateException naming the placeholder when {@code values} has no value for it
     */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt template has no value for placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
