package dev.railguard.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs a few tests need beyond a JDK and Maven (a headless Chromium, tmux, a PostgreSQL server), found the
 * same way everywhere, and the one rule for when one is missing: the test is skipped with the reason, so
 * {@code mvn -B verify} passes on a machine with only a JDK and Maven; but when {@value #REQUIRE_ENV} is
 * {@code true} (as {@code .ci/run} sets it, after installing all three) the test fails with the same reason, so CI never
 * passes without them. The system property {@code railguard.require.test.tools} does the same as the variable.
 */
public final class TestTools {

    /** The environment variable that turns a skip for a missing tool into a failure. */
    public static final String REQUIRE_ENV = "RAILGUARD_REQUIRE_TEST_TOOLS";

    /** The environment variable that names a Chrome or Chromium executable; else the PATH is searched. */
    public static final String CHROMIUM_ENV = "RAILGUARD_CHROMIUM";

    private TestTools() {}

    /**
     * A Chrome or Chromium executable: {@value #CHROMIUM_ENV} when set (empty when it names no executable), else
     * the first of {@code chromium}, {@code chromium-browser}, {@code google-chrome}, {@code google-chrome-stable}
     * on the PATH.
     */
    public static Optional<Path> chromium() {
        String configured = System.getenv(CHROMIUM_ENV);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return onPath("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    }

    /** The first of {@code names} that is an executable file in a folder of the PATH, searched in PATH order. */
    public static Optional<Path> onPath(String... names) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@value #REQUIRE_ENV} (or the property {@code railguard.require.test.tools}) is {@code true}. */
    public static boolean required() {
        String value = System.getProperty("railguard.require.test.tools", System.getenv(REQUIRE_ENV));
        return Boolean.parseBoolean(value == null ? null : value.strip());
    }

    /**
     * Ends the calling test when {@code available} is false: skipped with {@code tool + " is not available: " +
     * howToGet}, or failed with that reason and the variable's name when {@link #required()}.
     *
     * @param available whether the tool was found
     * @param tool what the test needs, for example {@code "Chromium"}
     * @param howToGet how to install or point to it
     */
    public static void assumeAvailable(boolean available, String tool, String howToGet) {
        if (available) {
            return;
        }
        String reason = tool + " is not available: " + howToGet;
        if (required()) {
            throw new AssertionError(reason + " (" + REQUIRE_ENV + "=true: a missing tool fails instead of skipping)");
        }
        Assumptions.abort(reason);
    }
}
