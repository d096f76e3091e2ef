package dev.railguard.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StyleTest {

    @Test
    void colors_only_on_a_terminal_without_no_color_or_a_dumb_term() {
        assertThat(Style.of(Map.of(), false, true).bad("x")).isEqualTo("\u001b[31mx\u001b[0m");
        assertThat(Style.of(Map.of(), false, false).bad("x")).isEqualTo("x");
        assertThat(Style.of(Map.of("NO_COLOR", "1"), false, true).bad("x")).isEqualTo("x");
        assertThat(Style.of(Map.of("NO_COLOR", ""), false, true).color()).as("an empty NO_COLOR is unset").isTrue();
        assertThat(Style.of(Map.of(), true, true).good("x")).isEqualTo("x");
        assertThat(Style.of(Map.of("TERM", "dumb"), false, true).bold("x")).isEqualTo("x");
    }
}
