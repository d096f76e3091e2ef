package dev.railguard.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A check of an option's value through {@code dev.railguard.api.Checks}, named as the user typed the option (for
 * example {@code --alpha}): a refusal is picocli's bad-usage error (exit 2) with the one wording of bad numeric input.
 */
public final class OptionCheck {

    private OptionCheck() {}

    /**
     * Runs {@code check}; its {@link IllegalArgumentException} becomes a {@link ParameterException} of
     * {@code commandLine} with the same message.
     */
    public static void of(CommandLine commandLine, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage(), e);
        }
    }
}
