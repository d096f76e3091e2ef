package dev.railguard.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Extended abilities a judge may be given for one request (DeepRails' "extended AI capabilities"). */
public enum Capability {
    /** Judges may search the web through a {@code WebSearchEngine} the user configured. */
    WEB_SEARCH("web_search"),
    /** Judges may search the documents registered with the evaluator. */
    FILE_SEARCH("file_search"),
    /** The request's context messages go into every judge prompt. Requires {@link ModelInput#context()}. */
    CONTEXT_AWARENESS("context_awareness");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The snake_case name used in JSON and by DeepRails, for example {@code "web_search"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether this capability is a search (web or file), which the two fastest run modes refuse. */
    public boolean isSearch() {
        return this != CONTEXT_AWARENESS;
    }

    /**
     * Looks a capability up by its wire name or enum name, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid names when {@code name} is none of them
     */
    public static Capability fromWireName(String name) {
        Checks.notNull(name, "capability");
        for (Capability c : values()) {
            if (c.wireName.equalsIgnoreCase(name.trim()) || c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("capability must be one of "
                + Arrays.stream(values()).map(Capability::wireName).collect(Collectors.toList())
                + ", but was: '" + name + "'");
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
