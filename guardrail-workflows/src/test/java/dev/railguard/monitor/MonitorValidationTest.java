package dev.railguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.InputRequirement;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A monitor validates an event when it is handed in, as a workflow does, rather than failing it later. */
class MonitorValidationTest {

    @Test
    void an_event_the_evaluator_would_refuse_fails_on_submit_and_is_not_recorded() {
        ScriptedChatModel judge = ScriptedChatModel.answering(r -> JudgeReplies.units().unit("a", "Y", "high", "r")
                .json());
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("gpt-4o", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("grounded", Set.of(InputRequirement.GROUND_TRUTH))))
                .build();
                Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("grounded").build()) {
            assertThatThrownBy(() -> monitor.submit(EventInput.of(ModelInput.ofUserPrompt("q"), "an answer")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'grounded' requires modelInput.groundTruth, but it was missing or blank");
            ModelInput withTruth = ModelInput.builder().userPrompt("q").groundTruth("the answer").build();
            assertThatThrownBy(() -> monitor.submit(EventInput.of(withTruth, "an answer")
                    .withModelUsed("gpt-4o")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("modelUsed 'gpt-4o' is the only judge runMode 'fast' can get");
            assertThat(monitor.recentEvents()).isEmpty();
            assertThat(judge.callCount()).isZero();
        }
    }
}
