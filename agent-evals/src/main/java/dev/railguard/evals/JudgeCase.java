package dev.railguard.evals;

import java.util.Objects;

/**
 * One case for an agent-as-judge eval.
 *
 * @param input          what the agent was asked
 * @param output         what it answered
 * @param expectedOutput a reference answer for the judge, or null
 */
public record JudgeCase(String input, String output, String expectedOutput) {

    /** Validates. */
    public JudgeCase {
        Objects.requireNonNull(input, "input must not be null");
        Objects.requireNonNull(output, "output must not be null");
    }

    /** A case without a reference answer. */
    public static JudgeCase of(String input, String output) {
        return new JudgeCase(input, output, null);
    }
}
