package dev.railguard.engine.internal.call;

import dev.railguard.api.Checks;

/**
 * Parameters every judge call is made with.
 *
 * @param maxOutputTokens the token cap of a judge reply
 * @param temperature     the sampling temperature, 0 for judges
 */
public record JudgeSettings(int maxOutputTokens, double temperature) {

    public static final JudgeSettings DEFAULT = new JudgeSettings(2048, 0.0);

    public JudgeSettings {
        Checks.atLeast(maxOutputTokens, 16, "maxJudgeOutputTokens");
    }
}
