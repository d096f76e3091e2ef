package dev.railguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestToolsTest {

    @AfterEach
    void clear() {
        System.clearProperty("railguard.require.test.tools");
    }

    @Test
    void a_missing_tool_skips_the_test_with_the_reason() {
        System.setProperty("railguard.require.test.tools", "false");
        assertThatThrownBy(() -> TestTools.assumeAvailable(false, "tmux", "install tmux"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("tmux is not available: install tmux");
    }

    @Test
    void when_tools_are_required_a_missing_tool_fails_the_test() {
        System.setProperty("railguard.require.test.tools", "true");
        assertThatThrownBy(() -> TestTools.assumeAvailable(false, "tmux", "install tmux"))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("tmux is not available: install tmux (RAILGUARD_REQUIRE_TEST_TOOLS=true: a missing tool"
                        + " fails instead of skipping)");
    }

    @Test
    void an_available_tool_lets_the_test_run_either_way() {
        System.setProperty("railguard.require.test.tools", "true");
        assertThatCode(() -> TestTools.assumeAvailable(true, "tmux", "install tmux")).doesNotThrowAnyException();
    }

    @Test
    void a_program_is_found_in_the_folders_of_the_path() {
        // sh is on every PATH the build runs under; a name nobody has is found nowhere
        assertThat(TestTools.onPath("no-such-program-railguard", "sh"))
                .hasValueSatisfying(p -> assertThat(p.getFileName()).hasToString("sh"));
        assertThat(TestTools.onPath("no-such-program-railguard")).isEmpty();
    }
}
