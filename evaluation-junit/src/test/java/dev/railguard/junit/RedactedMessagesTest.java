package dev.railguard.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.Redaction;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A key the environment configured, echoed into a judge error, never reaches a JUnit failure message. */
class RedactedMessagesTest {

    @Test
    void a_failure_message_never_shows_the_configured_key() {
        String key = "env-configured-key-5d1f0c2b";
        JudgeEnvironment.from(java.util.Map.of("RAILGUARD_JUDGE_API_KEY", key), new Properties());
        MetricResult error = MetricResult.error("correctness", 0.8, "judge 'judge' call failed:"
                + " AuthenticationException: key " + key + " is unknown", Usage.NONE,
                List.of(Diagnostic.error("raw reply: Authorization: Bearer " + key)));

        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> RailguardAssertions.assertThat(error).passes());

        assertThat(failure.getMessage()).contains("AuthenticationException").contains(Redaction.MASK)
                .doesNotContain(key);
        assertThat(RailguardMessages.details(error)).doesNotContain(key);
    }
}
