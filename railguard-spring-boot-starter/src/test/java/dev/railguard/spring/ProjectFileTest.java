package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.config.RailguardProject;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import dev.railguard.testkit.ScriptedChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code railguard.config}: the evaluator, metrics and judges from a project file, and a bad file failing the start. */
class ProjectFileTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RailguardAutoConfiguration.class))
            .withBean("judgeModel", ScriptedChatModel.class, () -> ScriptedChatModel.replying("{}"));

    @TempDir
    Path dir;

    @Test
    void the_evaluator_comes_from_the_project_file_and_the_file_wins_over_the_properties() {
        runner.withPropertyValues("railguard.config=classpath:railguard-project.yaml", "railguard.self-judging=refuse",
                "railguard.limits.max-call-attempts=3").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RailguardProject.class);
            RailguardEvaluator evaluator = context.getBean(RailguardEvaluator.class);
            assertThat(evaluator.metricNames()).contains("no_blame_language");
            assertThat(evaluator.settings().selfJudging()).as("the file's self_judging wins")
                    .isEqualTo(SelfJudging.ALLOW_WITH_WARNING);
            assertThat(evaluator.settings().maxCallAttempts()).as("a limit the file has no key for").isEqualTo(3);
            assertThat(context.getBean(JudgePanel.class).isEmpty()).as("no judges: section, so the only chat model")
                    .isFalse();
            EvaluationResult r = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("Why did my order fail?")).modelOutput("It is your fault.")
                    .metrics("no_blame_language").build());
            assertThat(r.metric("no_blame_language").verdict()).isEqualTo(Verdict.FAIL);
        });
    }

    @Test
    void without_the_property_the_properties_alone_make_the_evaluator() {
        runner.withPropertyValues("railguard.self-judging=allow_with_warning").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(RailguardProject.class);
            RailguardEvaluator evaluator = context.getBean(RailguardEvaluator.class);
            assertThat(evaluator.settings().selfJudging()).isEqualTo(SelfJudging.ALLOW_WITH_WARNING);
            assertThat(evaluator.metricNames()).doesNotContain("no_blame_language");
        });
    }

    @Test
    void an_evaluator_of_the_application_wins_over_the_project_file() {
        RailguardEvaluator own = RailguardEvaluator.builder().build();
        runner.withPropertyValues("railguard.config=classpath:railguard-project.yaml")
                .withBean("ownEvaluator", RailguardEvaluator.class, () -> own).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RailguardEvaluator.class)).isSameAs(own);
                });
    }

    @Test
    void a_bad_project_file_fails_the_start_naming_the_property_and_the_line() throws Exception {
        Path file = dir.resolve("railguard.yaml");
        Files.writeString(file, "version: 1\nself_judging: sometimes\n");
        runner.withPropertyValues("railguard.config=" + file).run(context -> assertThat(failure(context.getStartupFailure()))
                .hasMessage("Property railguard.config with value '" + file + "' is invalid: " + file
                        + ":2:1: self_judging: must be one of [refuse, allow_with_warning], but was: 'sometimes'"));
    }

    @Test
    void a_missing_project_file_fails_the_start_naming_the_property_and_the_file() {
        Path file = dir.resolve("nothing.yaml");
        runner.withPropertyValues("railguard.config=" + file).run(context -> assertThat(failure(context.getStartupFailure()))
                .hasMessage("Property railguard.config with value '" + file + "' is invalid: no such file: " + file));
        runner.withPropertyValues("railguard.config=classpath:nothing.yaml").run(context ->
                assertThat(failure(context.getStartupFailure())).hasMessage("Property railguard.config with value"
                        + " 'classpath:nothing.yaml' is invalid: class path resource [nothing.yaml] cannot be resolved to"
                        + " absolute file path because it does not exist"));
    }

    static Throwable failure(Throwable startup) {
        Throwable t = startup;
        while (t != null && !(t instanceof InvalidConfigurationPropertyValueException)) {
            t = t.getCause();
        }
        assertThat(t).as("an InvalidConfigurationPropertyValueException in %s", startup).isNotNull();
        return t;
    }
}
