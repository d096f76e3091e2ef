package dev.railguard.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt templates kept as versioned resources ({@code name.vN.txt}) with {@code {{variable}}} placeholders. Loaded
 * once; a missing resource or an unfilled placeholder fails at once, naming it.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private Templates() {}

    /** The text of resource {@code path}; see {@link PromptResources#load}. */
    static String load(Class<?> anchor, String path) {
        return PromptResources.load(anchor, path);
    }

    /** {@code template} with every {@code {{name}}} replaced by {@code values.get(name)}. */
    static String render(String template, Map<String, String> values) {
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
