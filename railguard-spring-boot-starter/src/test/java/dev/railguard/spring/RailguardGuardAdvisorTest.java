package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.ScriptedChatModel;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;

/** The guard advisor on a ChatClient: pass, repair, block, in call() and stream(). */
class RailguardGuardAdvisorTest {

    final ScriptedChatModel judge = ScriptedChatModel.answering(r -> Judging.reply(ScriptedChatModel.userText(r)));
    final RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", judge)).build();
    Workflow workflow;

    @AfterEach
    void close() {
        if (workflow != null) {
            workflow.close();
        }
        evaluator.close();
    }

    /** The application's model: answers the question with {@code first}, and any repair prompt with the right answer. */
    static FakeSpringAiModel model(String first) {
        return new FakeSpringAiModel("app-model", true,
                p -> FakeSpringAiModel.userText(p).contains("failed these checks") || FakeSpringAiModel.userText(p)
                        .contains("failing item") ? Judging.RIGHT : first);
    }

    ChatClient client(FakeSpringAiModel model, ImprovementAction action) {
        workflow = Workflow.builder().name("answers").evaluator(evaluator).metric("correctness", 0.9)
                .improvementAction(action).maxImprovementAttempts(2).generator(SpringAiChatModel.of(model)).build();
        return ChatClient.builder(model).defaultAdvisors(RailguardGuardAdvisor.of(workflow)).build();
    }

    @Test
    void a_good_answer_passes_unchanged() {
        FakeSpringAiModel model = model(Judging.RIGHT);
        String answer = client(model, ImprovementAction.FIXIT).prompt().system("Answer briefly.").user(Judging.QUESTION)
                .call().content();
        assertThat(answer).isEqualTo(Judging.RIGHT);
        assertThat(model.prompts).hasSize(1);
        assertThat(workflow.stats()).isEqualTo(new WorkflowStats(1, 0, 0, 0, 0, 0));
        assertThat(ScriptedChatModel.userText(judge.requests().get(0))).contains(Judging.QUESTION).contains(Judging.RIGHT);
    }

    @Test
    void a_bad_answer_is_repaired_by_fixit_before_the_client_returns() {
        FakeSpringAiModel model = model(Judging.WRONG);
        String answer = client(model, ImprovementAction.FIXIT).prompt().user(Judging.QUESTION).call().content();
        assertThat(answer).isEqualTo(Judging.RIGHT);
        assertThat(model.prompts).hasSize(2);
        assertThat(FakeSpringAiModel.userText(model.prompts.get(1))).contains(Judging.WRONG)
                .contains("Paris has about 2.1 million inhabitants.");
        assertThat(workflow.stats()).isEqualTo(new WorkflowStats(1, 1, 1, 0, 0, 0));
    }

    @Test
    void a_flagged_answer_raises_the_blocked_exception_naming_the_metric() {
        FakeSpringAiModel model = model(Judging.WRONG);
        ChatClient client = client(model, ImprovementAction.DO_NOTHING);
        assertThatThrownBy(() -> client.prompt().user(Judging.QUESTION).call().content())
                .isInstanceOfSatisfying(RailguardBlockedException.class, e -> {
                    assertThat(e.failingMetrics()).containsExactly("correctness");
                    assertThat(e.event().modelOutput()).isEqualTo(Judging.WRONG);
                })
                .hasMessageMatching("workflow 'answers' blocked the answer \\(event evt_[a-z0-9]+\\): improvement_required"
                        + " after 0 improvement attempts; failing metrics: \\[correctness\\]");
    }

    @Test
    void a_judge_error_blocks_too() {
        ScriptedChatModel broken = ScriptedChatModel.answering(r -> "not JSON");
        // its replies are retried within the budget: milliseconds of backoff, not 50 s of the default seconds
        try (RailguardEvaluator e = RailguardEvaluator.builder().judges(JudgePanel.single("judge", broken))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
                Workflow w = Workflow.builder().name("answers").evaluator(e).metric("correctness", 0.9).build()) {
            ChatClient client = ChatClient.builder(model(Judging.RIGHT)).defaultAdvisors(RailguardGuardAdvisor.of(w)).build();
            assertThatThrownBy(() -> client.prompt().user(Judging.QUESTION).call().content())
                    .isInstanceOf(RailguardBlockedException.class)
                    .hasMessageContaining("failing metrics: [correctness]");
        }
    }

    @Test
    void a_stream_is_judged_whole_and_streams_the_repaired_text() {
        FakeSpringAiModel model = model(Judging.WRONG);
        List<String> chunks = client(model, ImprovementAction.FIXIT).prompt().user(Judging.QUESTION).stream().content()
                .collectList().block(Duration.ofSeconds(20));
        assertThat(String.join("", chunks)).isEqualTo(Judging.RIGHT);
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(ScriptedChatModel.userText(judge.requests().get(0))).contains(Judging.WRONG);
    }

    @Test
    void a_blocked_stream_signals_the_blocked_exception() {
        ChatClient client = client(model(Judging.WRONG), ImprovementAction.DO_NOTHING);
        assertThatThrownBy(() -> client.prompt().user(Judging.QUESTION).stream().content().collectList()
                .block(Duration.ofSeconds(20)))
                .isInstanceOf(RailguardBlockedException.class)
                .hasMessageContaining("failing metrics: [correctness]");
    }
}
