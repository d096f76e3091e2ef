package dev.railguard.spring.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.spring.RailguardProperties;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The judge panel of {@code railguard.*}, first match wins: the judges named under {@code railguard.judges} (chat
 * model beans, by tier); an OpenAI-compatible judge from {@code railguard.judge.base-url} / {@code api-key} (the
 * {@link JudgeEnvironment} settings); the application's only chat model bean, in every tier; else no judge.
 */
public final class JudgePanels {

    private JudgePanels() {}

    public static JudgePanel from(RailguardProperties props, ChatModelBeans models) {
        if (!props.getJudges().isEmpty()) {
            JudgePanel.Builder b = JudgePanel.builder();
            props.getJudges().forEach((name, judge) -> {
                String prefix = "railguard.judges." + name;
                ChatModel model = models.named(prefix + ".bean", judge.getBean());
                if (judge.getTiers() == null || judge.getTiers().isEmpty()) {
                    throw PropertyChecks.invalid(prefix + ".tiers", judge.getTiers(),
                            "must name at least one of [fast, standard, strong, code]");
                }
                for (String tier : judge.getTiers()) {
                    b.judge(PropertyChecks.oneOf(prefix + ".tiers", tier, JudgeTier.class), name, model);
                }
            });
            return b.build();
        }
        RailguardProperties.Judge j = props.getJudge();
        if (notBlank(j.getBaseUrl()) || notBlank(j.getApiKey())) {
            return JudgeEnvironment.from(Map.of(), settings(j)).requirePanel();
        }
        return models.only().map(m -> JudgePanel.single(m.getKey(), m.getValue())).orElse(JudgePanel.empty());
    }

    /** {@code railguard.judge.*} as the system properties {@link JudgeEnvironment} reads. */
    static Properties settings(RailguardProperties.Judge j) {
        Properties p = new Properties();
        putIf(p, "railguard.judge.baseUrl", j.getBaseUrl());
        putIf(p, "railguard.judge.apiKey", j.getApiKey());
        putIf(p, "railguard.judge.model", j.getModel());
        putIf(p, "railguard.judge.prices", j.getPrices());
        if (j.getTimeout() != null) {
            p.setProperty("railguard.judge.timeoutSeconds", Long.toString(Math.max(1, j.getTimeout().toSeconds())));
        }
        j.getModels().forEach((tier, models) -> {
            PropertyChecks.oneOf("railguard.judge.models", tier, JudgeTier.class);
            putIf(p, "railguard.judge.model." + tier.trim().toLowerCase(Locale.ROOT), models);
        });
        return p;
    }

    private static void putIf(Properties p, String key, String value) {
        if (notBlank(value)) {
            p.setProperty(key, value);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
