package dev.railguard.junit;

import dev.railguard.config.JudgeEnvironment;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * What {@link RailguardExtension} reads from JUnit configuration parameters (which fall back to system properties
 * and {@code junit-platform.properties}) and environment variables: the judges, whether a missing judge fails
 * instead of skipping, and the judge-cache directory.
 *
 * @param judges         the judge configuration
 * @param requireJudge   whether a test that needs a judge fails, rather than being skipped, when none is configured
 * @param cacheDirectory where judge replies are persisted between runs, if set
 */
record RailguardSettings(JudgeEnvironment judges, boolean requireJudge, Optional<Path> cacheDirectory) {

    static final String REQUIRE_JUDGE_PROPERTY = "railguard.junit.requireJudge";
    static final String REQUIRE_JUDGE_VARIABLE = "RAILGUARD_REQUIRE_JUDGE";
    static final String CACHE_DIR_PROPERTY = "railguard.cache.dir";
    static final String CACHE_DIR_VARIABLE = "RAILGUARD_CACHE_DIR";

    /** The judge keys below {@code railguard.judge.} that JudgeEnvironment knows. */
    private static final String[] JUDGE_KEYS = {"baseUrl", "apiKey", "model", "model.fast", "model.standard",
            "model.strong", "model.code", "timeoutSeconds"};

    /**
     * Reads the settings; a parameter (or system property) wins over an environment variable.
     *
     * @param parameters JUnit configuration parameters by key
     * @param env        environment variables
     * @throws IllegalArgumentException if the require-judge setting is neither true nor false
     */
    static RailguardSettings read(Function<String, Optional<String>> parameters, Map<String, String> env) {
        Properties judgeProperties = new Properties();
        // every railguard.judge.* system property, then the known keys as JUnit parameters (which may override them)
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("railguard.judge.")) {
                judgeProperties.setProperty(name, System.getProperty(name));
            }
        }
        for (String key : JUDGE_KEYS) {
            parameters.apply("railguard.judge." + key).ifPresent(v -> judgeProperties.setProperty("railguard.judge." + key, v));
        }
        JudgeEnvironment judges = JudgeEnvironment.from(env, judgeProperties);
        String require = parameters.apply(REQUIRE_JUDGE_PROPERTY).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(env.get(REQUIRE_JUDGE_VARIABLE)).filter(v -> !v.isBlank()))
                .orElse("false").trim().toLowerCase(Locale.ROOT);
        if (!require.equals("true") && !require.equals("false")) {
            throw new IllegalArgumentException(REQUIRE_JUDGE_PROPERTY + " (" + REQUIRE_JUDGE_VARIABLE
                    + ") must be true or false, but was: '" + require + "'");
        }
        Optional<Path> cache = parameters.apply(CACHE_DIR_PROPERTY).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(env.get(CACHE_DIR_VARIABLE)).filter(v -> !v.isBlank()))
                .map(v -> Path.of(v.trim()));
        return new RailguardSettings(judges, require.equals("true"), cache);
    }
}
