package dev.railguard.evals;

import java.util.List;

/**
 * The verdict of a reliability eval, with Agno's keys. PASSED when no list of failures has an entry.
 *
 * @param evalStatus            PASSED or FAILED
 * @param passedToolCalls       one entry per successful execution of an expected tool (every successful call when
 *                              no expected list was given)
 * @param failedToolCalls       unexpected calls in strict mode
 * @param additionalToolCalls   unexpected calls when additional calls are allowed
 * @param missingToolCalls      expected tools with no successful execution ("name (executed but failed)" when every
 *                              execution failed)
 * @param failedArgumentChecks  argument specs that no successful call of the tool matched
 * @param passedArgumentChecks  tools whose argument specs all matched
 * @param failedConstraints     order and count constraints that were not met
 */
public record ReliabilityResult(EvalStatus evalStatus, List<String> passedToolCalls, List<String> failedToolCalls,
        List<String> additionalToolCalls, List<String> missingToolCalls, List<String> failedArgumentChecks,
        List<String> passedArgumentChecks, List<String> failedConstraints) implements EvalData {

    /** Copies. */
    public ReliabilityResult {
        passedToolCalls = List.copyOf(passedToolCalls);
        failedToolCalls = List.copyOf(failedToolCalls);
        additionalToolCalls = List.copyOf(additionalToolCalls);
        missingToolCalls = List.copyOf(missingToolCalls);
        failedArgumentChecks = List.copyOf(failedArgumentChecks);
        passedArgumentChecks = List.copyOf(passedArgumentChecks);
        failedConstraints = List.copyOf(failedConstraints);
    }

    /**
     * Throws unless the status is PASSED.
     *
     * @throws AssertionError with the whole result in the message
     */
    public void assertPassed() {
        if (evalStatus != EvalStatus.PASSED) {
            throw new AssertionError("reliability eval " + evalStatus + ": " + this);
        }
    }
}
