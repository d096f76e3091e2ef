package dev.railguard.engine.internal.call;

/**
 * Parameters every judge call is made with.
 *
 * @param maxOutputTokens the token cap of a judge reply
 * @param temperature     the sampling temperature, 0 for judges
 */
public record JudgeSettings(int maxOutputTokens, double temperature) {

    public static final JudgeSettings DEFAULT = new JudgeSettings(2048, 0.0);

    public JudgeSettings {
        if (maxOutputTokens < 16) {
            throw new IllegalArgumentException("maxJudgeOutputTokens must be >= 16, but was: " + maxOutputTokens);
        }
    }
}
