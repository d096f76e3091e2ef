package dev.railguard.cli.internal;

import picocli.CommandLine.Option;

/** The options every subcommand takes. */
public final class CommonOptions {

    @Option(names = "--verbose", description = "Print the stack trace of an error, not just its one-line message.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colors in the output (the NO_COLOR variable does the same).")
    boolean noColor;

    /** Whether {@code --no-color} was given. */
    public boolean noColor() {
        return noColor;
    }
}
