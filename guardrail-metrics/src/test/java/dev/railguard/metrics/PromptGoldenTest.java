package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.RunMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins every judge prompt of every run mode, rendered for one case ({@link RenderedPrompts}), to a golden file per
 * mode under {@code src/test/resources/dev/railguard/metrics/prompts-golden/}, so a change to a template, a rubric or
 * the way they are put together is a visible diff in review. After an intended change, regenerate with
 * {@code mvn -B -q -pl guardrail-metrics -am test -Dtest=PromptGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Drailguard.golden.update=true} and review the diff.
 */
class PromptGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/dev/railguard/metrics/prompts-golden");

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void every_prompt_of_the_mode_matches_its_golden_file(RunMode mode) throws IOException {
        String rendered = RenderedPrompts.golden(mode);
        Path file = GOLDEN.resolve(mode.wireName() + ".txt");
        if (Boolean.getBoolean("railguard.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file of %s (regenerate with -Drailguard.golden.update=true)", mode).exists();
        assertThat(rendered).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
