package dev.railguard.batch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.RunMode;
import dev.railguard.format.BadEventCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared table of bad DeepRails events, through the batch-line entry: the same message as every other entry. */
class BatchLineBadEventTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEventCases#arguments")
    void a_bad_line_is_refused_with_the_codecs_message(BadEventCases.Case c) {
        assertThatThrownBy(() -> BatchLines.parse(c.apply(BadEventCases.OPEN), List.of("x"), RunMode.FAST))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
    }
}
