package dev.railguard.junit;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import java.nio.file.Path;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * One row of a dataset given to a test by {@link RailguardSource}: the request it asks for, or why it cannot be read.
 * Its {@link #toString()} is its name in the test tree.
 *
 * @param name    the row's id, else {@code line N}
 * @param file    the dataset file
 * @param line    the line the row starts at
 * @param request the request, or null when the row cannot be read
 * @param problem why the row cannot be read, or null
 */
public record RailguardCase(String name, Path file, int line, EvaluationRequest request, String problem) {

    /** Validates. */
    public RailguardCase {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(file, "file must not be null");
        if ((request == null) == (problem == null)) {
            throw new IllegalArgumentException("a case has a request or a problem, not both or neither");
        }
    }

    /**
     * The request of the row, with the project file's thresholds for metrics the row sets none for.
     *
     * @throws AssertionFailedError naming the file and line when the row cannot be read
     */
    @Override
    public EvaluationRequest request() {
        if (problem != null) {
            throw new AssertionFailedError(file.getFileName() + " line " + line + " cannot be evaluated: " + problem);
        }
        return request;
    }

    /** Evaluates the row with {@code evaluator}; fails naming the line when the row cannot be read. */
    public EvaluationResult evaluate(Evaluator evaluator) {
        return evaluator.evaluate(request());
    }

    @Override
    public String toString() {
        return name;
    }
}
