package dev.railguard.deeprails;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.format.BadEventCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared table of bad DeepRails events, through the monitor-body, workflow-body and stored-event entries: the same
 * message as a batch line or a Spark row gets for the same mistake.
 */
class BodyBadEventTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEventCases#arguments")
    void a_bad_monitor_body_is_refused_with_the_codecs_message(BadEventCases.Case c) {
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent(c.apply(BadEventCases.OPEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEventCases#arguments")
    void a_bad_workflow_body_is_refused_with_the_codecs_message(BadEventCases.Case c) {
        assertThatThrownBy(() -> DeepRailsJson.readWorkflowEvent(c.apply(BadEventCases.OPEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEventCases#arguments")
    void a_bad_stored_event_is_refused_with_the_codecs_message(BadEventCases.Case c) {
        assertThatThrownBy(() -> DeepRailsJson.readEventInput(c.apply(BadEventCases.OPEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
    }
}
