package dev.railguard.engine;

import java.util.Objects;

/**
 * One passage a {@link DocumentStore} search found.
 *
 * @param documentId the id of the document, {@code file_...}
 * @param name       the document's name
 * @param passage    the matching passage of the document
 * @param score      the retrieval score; higher is better, comparable only within one search
 */
public record DocumentHit(String documentId, String name, String passage, double score) {
    /** Validates. */
    public DocumentHit {
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(passage, "passage must not be null");
    }
}
