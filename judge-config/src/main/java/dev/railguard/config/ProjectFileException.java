package dev.railguard.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A project file that cannot be used: every problem found, each naming the file, line, column, key and what is
 * allowed. Thrown by {@link RailguardProject#load}; {@code railguard validate} prints {@link #problems()} one a line.
 */
public final class ProjectFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problems, in the order of the file. */
    private final transient List<Problem> problems;

    /** Problems of one file; at least one. */
    public ProjectFileException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProjectFileException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /** The problems, in the order of the file. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem at one place of a project file.
     *
     * @param file    the project file
     * @param line    the line, 1-based
     * @param column  the column, 1-based
     * @param key     the key as a path ({@code judges[0].api_key}), or empty for the whole file
     * @param message what is wrong and what is allowed
     */
    public record Problem(Path file, int line, int column, String key, String message) {

        /** Validates. */
        public Problem {
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(key, "key must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        /** {@code file:line:column: key: message}, as compilers print it. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + (key.isEmpty() ? "" : key + ": ") + message;
        }
    }
}
