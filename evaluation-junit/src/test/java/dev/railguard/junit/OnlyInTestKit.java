package dev.railguard.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the fixture classes of {@link RailguardExtensionTest} from running on their own (an IDE running a whole
 * package would find them): they run only when the test kit sets {@value #PARAMETER}.
 */
final class OnlyInTestKit implements ExecutionCondition {

    static final String PARAMETER = "railguard.test.fixture";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                : ConditionEvaluationResult.disabled("a fixture of RailguardExtensionTest; runs only through it");
    }
}
