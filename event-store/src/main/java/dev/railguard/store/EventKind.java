package dev.railguard.store;

import java.util.Arrays;
import java.util.Locale;

/** Which kind of producer wrote an event: a Defend-style workflow ({@code wkfl_...}) or a monitor ({@code mon_...}). */
public enum EventKind {
    /** An event of a workflow: evaluation, improvement attempts and their history. */
    WORKFLOW,
    /** An event of a monitor: one evaluation, no improvement. */
    MONITOR;

    /** The lower-case name stored in the database, for example {@code "monitor"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind whose wire name is {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static EventKind fromWireName(String name) {
        for (EventKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be one of " + Arrays.stream(values()).map(EventKind::wireName)
                .toList() + ", but was: '" + name + "'");
    }
}
