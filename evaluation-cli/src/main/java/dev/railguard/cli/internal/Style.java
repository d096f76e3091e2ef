package dev.railguard.cli.internal;

import java.util.Map;

/**
 * Colors for terminal output: on only when stdout is a terminal, {@code NO_COLOR} is unset (https://no-color.org)
 * and {@code --no-color} was not given.
 */
public final class Style {

    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    /** The style for this process. */
    public static Style of(Map<String, String> env, boolean noColorOption, boolean terminal) {
        String noColor = env.get("NO_COLOR");
        boolean off = noColorOption || (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"));
        return new Style(terminal && !off);
    }

    /** Whether colors are on. */
    public boolean color() {
        return color;
    }

    /** {@code text} in red when colors are on. */
    public String bad(String text) {
        return color ? "\u001b[31m" + text + "\u001b[0m" : text;
    }

    /** {@code text} in green when colors are on. */
    public String good(String text) {
        return color ? "\u001b[32m" + text + "\u001b[0m" : text;
    }

    /** {@code text} in bold when colors are on. */
    public String bold(String text) {
        return color ? "\u001b[1m" + text + "\u001b[0m" : text;
    }
}
