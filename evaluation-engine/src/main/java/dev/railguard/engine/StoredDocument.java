package dev.railguard.engine;

import java.util.Objects;

/**
 * A document registered with a {@link DocumentStore}.
 *
 * @param id   the store's id for it, {@code file_} followed by 16 random characters
 * @param name the name given when it was registered (a file name, a title)
 * @param text the whole text
 */
public record StoredDocument(String id, String name, String text) {
    /** Validates. */
    public StoredDocument {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }
}
