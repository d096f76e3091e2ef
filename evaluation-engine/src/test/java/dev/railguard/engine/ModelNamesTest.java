package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.testkit.ScriptedChatModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One model under several names: the documented normal form and declared aliases. */
class ModelNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "gpt-4o, gpt-4o",
            "GPT-4o, gpt-4o",
            "' gpt-4o ', gpt-4o",
            "gpt-4o-2024-08-06, gpt-4o",
            "openai/gpt-4o, gpt-4o",
            "openai/gpt-4o-2024-08-06, gpt-4o",
            "chatgpt-4o-latest, chatgpt-4o",
            "claude-3-5-sonnet-20241022, claude-3-5-sonnet",
            "claude-3-5-sonnet-latest, claude-3-5-sonnet",
            "anthropic/claude-3-5-sonnet@20240620, claude-3-5-sonnet",
            "gpt-4-0613, gpt-4",
            "models/gemini-1.5-pro, gemini-1.5-pro",
            "llama3:latest, llama3",
            // what no rule connects stays apart
            "gpt-4o-mini, gpt-4o-mini",
            "gpt-4o-mini-2024-07-18, gpt-4o-mini",
            "llama3:8b, llama3:8b",
            "qwen2.5-7b-1234, qwen2.5-7b-1234",
            "latest, latest"
    })
    void the_normal_form_drops_case_provider_prefix_latest_and_date(String name, String normal) {
        assertThat(JudgePanel.modelNormalForm(name)).isEqualTo(normal);
    }

    @Test
    void a_dated_or_prefixed_name_is_the_model_used_but_a_sibling_model_is_not() {
        JudgePanel panel = JudgePanel.single("gpt-4o", ScriptedChatModel.answering(r -> "{}"));
        Judge judge = panel.all().get(0);
        assertThat(panel.isModelUsed(judge, "gpt-4o-2024-08-06")).isTrue();
        assertThat(panel.isModelUsed(judge, "openai/gpt-4o")).isTrue();
        assertThat(panel.isModelUsed(judge, "gpt-4o-mini")).isFalse();
        assertThat(panel.isModelUsed(judge, null)).isFalse();
    }

    @Test
    void an_alias_declared_on_the_panel_names_the_same_model_from_either_side() {
        JudgePanel panel = JudgePanel.builder().standard("prod-chat", ScriptedChatModel.answering(r -> "{}"))
                .alias("prod-chat", "gpt-4o").build();
        Judge deployment = panel.all().get(0);
        assertThat(panel.isModelUsed(deployment, "gpt-4o-2024-08-06")).isTrue();
        assertThat(panel.isModelUsed(deployment, "azure/prod-chat")).isTrue();
        assertThat(panel.isModelUsed(deployment, "gpt-4o-mini")).isFalse();
        assertThat(panel.aliases()).containsEntry("prod-chat", "gpt-4o");
    }

    @Test
    void an_alias_cannot_name_two_models() {
        assertThatThrownBy(() -> JudgePanel.builder().alias("prod-chat", "gpt-4o").alias("Prod-Chat", "claude-3-opus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alias 'Prod-Chat' already names model 'gpt-4o', so it cannot also name 'claude-3-opus'");
        assertThatThrownBy(() -> JudgePanel.builder().alias(" ", "gpt-4o"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alias and model must not be blank, but were: ' ', 'gpt-4o'");
    }
}
