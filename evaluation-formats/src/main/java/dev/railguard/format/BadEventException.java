package dev.railguard.format;

import java.util.Set;

/**
 * A DeepRails event {@link DeepRailsCodec} refused (or one whose request could not be built,
 * {@link DeepRailsEvent#toRequest}), with what could still be read of it, so that a caller reporting the refusal
 * needs no second reader: the line's {@code id} (at the entries that take one) and its top-level keys. The message is
 * the codec's, the same at every entry.
 */
public final class BadEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final Set<String> fields;

    /**
     * A refusal.
     *
     * @param message what is wrong, naming the field, the value and what is allowed
     * @param id      the event's {@code id} as the codec reads it (a string, or an integer as its text), or null when
     *                it has none, the entry takes none, or the text is not a JSON object
     * @param fields  the event's top-level keys, empty when the text is not a JSON object
     */
    public BadEventException(String message, String id, Set<String> fields) {
        super(message);
        this.id = id;
        this.fields = Set.copyOf(fields);
    }

    /** The event's {@code id}, or null when it could not be read (see the constructor). */
    public String id() {
        return id;
    }

    /** The event's top-level keys, empty when the text is not a JSON object. */
    public Set<String> fields() {
        return fields;
    }
}
