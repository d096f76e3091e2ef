package dev.railguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.PriceTable;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JudgeEnvironmentTest {

    private static JudgeEnvironment of(Map<String, String> env) {
        return JudgeEnvironment.from(env, new Properties());
    }

    @Test
    void nothing_set_means_no_judge_and_no_prices() {
        JudgeEnvironment e = of(Map.of());
        assertThat(e.configured()).isFalse();
        assertThat(e.panel()).isEmpty();
        assertThat(e.prices()).isSameAs(PriceTable.NONE);
    }

    @Test
    void a_system_property_wins_over_the_environment_and_tiers_may_list_several_models() {
        Properties p = new Properties();
        p.setProperty("railguard.judge.model.standard", "a, b");
        JudgeEnvironment e = JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_BASE_URL", "http://127.0.0.1:1/v1",
                "RAILGUARD_JUDGE_MODEL_STANDARD", "ignored", "RAILGUARD_JUDGE_MODEL", "m"), p);
        assertThat(e.models(JudgeTier.STANDARD)).containsExactly("a", "b");
        assertThat(e.models(JudgeTier.FAST)).containsExactly("m");
        assertThat(e.panel().orElseThrow().judges(JudgeTier.STANDARD)).extracting(j -> j.name()).containsExactly("a", "b");
    }

    @Test
    void prices_are_read_per_million_tokens() {
        PriceTable prices = of(Map.of("RAILGUARD_JUDGE_PRICES", "gpt-4o-mini=0.15:0.60, gpt-4o=2.5:10")).prices();
        assertThat(prices.cost("gpt-4o-mini", 1_000_000, 1_000_000)).isEqualTo(0.75);
        assertThat(prices.cost("gpt-4o", 100_000, 0)).isEqualTo(0.25);
    }

    @Test
    void a_malformed_price_entry_is_named() {
        assertThatIllegalArgumentException().isThrownBy(() -> of(Map.of("RAILGUARD_JUDGE_PRICES", "gpt-4o=cheap")).prices())
                .withMessage("RAILGUARD_JUDGE_PRICES entries must be model=input:output with prices per million tokens"
                        + " (for example gpt-4o-mini=0.15:0.60), but one was: 'gpt-4o=cheap'");
    }

    @Test
    void a_bad_timeout_is_named() {
        assertThatIllegalArgumentException().isThrownBy(() -> of(Map.of("RAILGUARD_JUDGE_API_KEY", "k",
                        "RAILGUARD_JUDGE_TIMEOUT_SECONDS", "soon")).panel())
                .withMessage("RAILGUARD_JUDGE_TIMEOUT_SECONDS must be a positive whole number of seconds, but was: 'soon'");
    }

    @Test
    void a_model_list_of_only_blanks_or_commas_fails_naming_the_setting() {
        assertThatIllegalArgumentException().isThrownBy(() -> JudgeEnvironment.from(
                        Map.of("RAILGUARD_JUDGE_MODEL_FAST", " , ,"), new Properties()))
                .withMessage("RAILGUARD_JUDGE_MODEL_FAST (railguard.judge.model.fast) must list at least one model"
                        + " name, comma-separated, but was: ', ,'");
        Properties p = new Properties();
        p.setProperty("railguard.judge.model", ",");
        assertThatIllegalArgumentException().isThrownBy(() -> JudgeEnvironment.from(Map.of(), p))
                .withMessage("RAILGUARD_JUDGE_MODEL (railguard.judge.model) must list at least one model name,"
                        + " comma-separated, but was: ','");
    }
}
