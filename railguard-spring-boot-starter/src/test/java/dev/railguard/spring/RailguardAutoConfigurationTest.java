package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.ModelInput;
import dev.railguard.event.EventInput;

import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.monitor.Monitor;
import dev.railguard.telemetry.MicrometerObserver;
import dev.railguard.telemetry.OpenTelemetryObserver;
import dev.railguard.testkit.ScriptedChatModel;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.workflow.Workflow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration in a bare context: each bean present or backing off, and bad properties failing the start. */
class RailguardAutoConfigurationTest {

    static final ScriptedChatModel JUDGE = ScriptedChatModel.answering(r -> Judging.reply(ScriptedChatModel.userText(r)));

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RailguardAutoConfiguration.class,
                    RailguardSpringAiAutoConfiguration.class, RailguardActuatorAutoConfiguration.class));

    final ApplicationContextRunner withJudge = runner.withBean("judgeModel", ScriptedChatModel.class, () -> JUDGE);

    @Test
    void without_a_chat_model_the_evaluator_has_no_judge_and_nothing_else_is_made() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RailguardEvaluator.class).hasSingleBean(JudgePanel.class)
                    .doesNotHaveBean(MicrometerObserver.class).doesNotHaveBean(OpenTelemetryObserver.class)
                    .doesNotHaveBean(RailguardGuardAdvisor.class).doesNotHaveBean(Monitor.class);
            assertThat(context.getBean(JudgePanel.class).isEmpty()).isTrue();
        });
    }

    @Test
    void the_only_langchain4j_chat_model_judges_in_every_tier() {
        withJudge.run(context -> {
            JudgePanel panel = context.getBean(RailguardEvaluator.class).panel();
            for (JudgeTier tier : JudgeTier.values()) {
                assertThat(panel.judges(tier)).extracting(j -> j.name()).containsExactly("judgeModel");
            }
            assertThat(panel.all().get(0).model()).isSameAs(JUDGE);
        });
    }

    @Test
    void the_only_spring_ai_chat_model_judges_through_the_adapter() {
        FakeSpringAiModel spring = new FakeSpringAiModel("sa-judge", true, p -> "{}");
        runner.withBean("springModel", FakeSpringAiModel.class, () -> spring).run(context -> {
            JudgePanel panel = context.getBean(JudgePanel.class);
            assertThat(panel.all()).singleElement().satisfies(j -> {
                assertThat(j.name()).isEqualTo("springModel");
                assertThat(j.modelName()).isEqualTo("sa-judge");
                assertThat(((SpringAiChatModel) j.model()).springModel()).isSameAs(spring);
            });
        });
    }

    @Test
    void judges_named_in_properties_take_their_beans_and_tiers() {
        withJudge.withBean("other", ScriptedChatModel.class, () -> ScriptedChatModel.replying("{}"))
                .withPropertyValues("railguard.judges.fast-one.bean=judgeModel", "railguard.judges.fast-one.tiers=fast",
                        "railguard.judges.strong-one.bean=other", "railguard.judges.strong-one.tiers=standard,strong")
                .run(context -> {
                    JudgePanel panel = context.getBean(JudgePanel.class);
                    assertThat(panel.judges(JudgeTier.FAST)).extracting(j -> j.name()).containsExactly("fast-one");
                    assertThat(panel.judges(JudgeTier.STRONG)).extracting(j -> j.name()).containsExactly("strong-one");
                    assertThat(panel.judges(JudgeTier.CODE)).isEmpty();
                });
    }

    @Test
    void an_openai_compatible_judge_from_base_url_and_key() {
        runner.withPropertyValues("railguard.judge.base-url=http://127.0.0.1:9/v1", "railguard.judge.api-key=sk-test-123456",
                "railguard.judge.models.strong=big-model").run(context -> {
                    JudgePanel panel = context.getBean(JudgePanel.class);
                    assertThat(panel.judges(JudgeTier.STANDARD)).extracting(j -> j.modelName()).containsExactly("gpt-4o-mini");
                    assertThat(panel.judges(JudgeTier.STRONG)).extracting(j -> j.modelName()).containsExactly("big-model");
                });
    }

    @Test
    void every_bean_backs_off_for_the_applications_own() {
        RailguardEvaluator own = RailguardEvaluator.builder().build();
        JudgePanel ownPanel = JudgePanel.single("mine", JUDGE);
        MicrometerObserver ownObserver = MicrometerObserver.create(new SimpleMeterRegistry());
        runner.withBean(RailguardEvaluator.class, () -> own).withBean(JudgePanel.class, () -> ownPanel)
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(MicrometerObserver.class, () -> ownObserver)
                .run(context -> {
                    assertThat(context.getBean(RailguardEvaluator.class)).isSameAs(own);
                    assertThat(context.getBean(JudgePanel.class)).isSameAs(ownPanel);
                    assertThat(context.getBean(MicrometerObserver.class)).isSameAs(ownObserver);
                });
        own.close();
    }

    @Test
    void the_advisor_backs_off_for_the_applications_own() {
        withJudge.withPropertyValues("railguard.workflows.answers.metrics=correctness",
                        "railguard.workflows.answers.improvement-action=do_nothing", "railguard.advisor.workflow=answers")
                .withBean("myGuard", RailguardGuardAdvisor.class,
                        () -> RailguardGuardAdvisor.of(Workflow.builder().name("mine").evaluator(RailguardEvaluator.builder()
                                .judges(JudgePanel.single("j", JUDGE)).build()).metric("correctness", 0.5).build()))
                .run(context -> assertThat(context.getBean(RailguardGuardAdvisor.class).workflow().settings().name())
                        .isEqualTo("mine"));
    }

    @Test
    void the_micrometer_and_opentelemetry_observers_bind_to_the_applications_beans() {
        withJudge.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(OpenTelemetry.class, OpenTelemetry::noop)
                .run(context -> {
                    assertThat(context).hasSingleBean(MicrometerObserver.class).hasSingleBean(OpenTelemetryObserver.class);
                    assertThat(context.getBeansOfType(EvaluationObserver.class)).hasSize(3); // with the judge health
                    RailguardSpringEvaluators.of(context.getBean(RailguardEvaluator.class), "correctness")
                            .evaluate(new EvaluationRequest(Judging.QUESTION, Judging.RIGHT));
                    assertThat(context.getBean(MeterRegistry.class).find("railguard.evaluations").counter()).isNotNull();
                });
    }

    @Test
    void monitors_and_workflows_from_properties_are_beans_closed_with_the_context() {
        AtomicReference<Monitor> monitor = new AtomicReference<>();
        withJudge.withPropertyValues("railguard.monitors.support-bot.metrics=correctness",
                        "railguard.workflows.answers.metrics=correctness",
                        "railguard.workflows.answers.thresholds.correctness=0.95",
                        "railguard.workflows.answers.improvement-action=do_nothing",
                        "railguard.advisor.workflow=answers")
                .run(context -> {
                    Monitor m = context.getBean("support-bot", Monitor.class);
                    monitor.set(m);
                    assertThat(m.metrics()).containsExactly("correctness");
                    Workflow w = context.getBean("answers", Workflow.class);
                    assertThat(w.settings().thresholds()).containsEntry("correctness", 0.95);
                    assertThat(w.settings().improvementAction()).isEqualTo(ImprovementAction.DO_NOTHING);
                    assertThat(context.getBean(RailguardGuardAdvisor.class).workflow()).isSameAs(w);
                });
        assertThatThrownBy(() -> monitor.get().submit(EventInput.of(ModelInput.ofUserPrompt("q"), "a")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
