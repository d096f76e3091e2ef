package dev.railguard.cli;

import dev.railguard.cli.internal.CliFailure;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.cli.internal.StarterFile;
import dev.railguard.config.JudgeProvider;
import dev.railguard.config.ProjectFileException;
import dev.railguard.config.RailguardProject;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code railguard init}: writes a commented starter project file for the user's provider and data. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"Write a commented starter railguard.yaml: a judge of your provider (its key by reference to an"
                + " environment variable), metrics that fit your data, an offline check, your data file with its columns"
                + " guessed from their names, and a gate. On a terminal it asks for what the options do not say.",
                "stdout: the path written and what to do next."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard init", "  railguard init --provider anthropic --data qa.csv",
                "  railguard init --provider ollama --config ci/railguard.yaml --force", "",
                "Exit codes: 0 written; 2 usage error (the file exists without --force, an unknown provider, data"
                        + " whose columns cannot be told)."})
final class InitCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "The judges' provider: one of openai, azure-openai, anthropic, gemini, ollama (asked on a"
                    + " terminal; default without one: openai).")
    String provider;

    @Option(names = "--data", paramLabel = "FILE",
            description = "The data file to evaluate: DeepRails events (.jsonl), or any JSON lines or CSV file (asked"
                    + " on a terminal; default without one: none, the file lists an example).")
    Path data;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        Path target = common.config() != null ? common.config() : Path.of("railguard.yaml");
        if (Files.exists(target) && !force) {
            throw new ParameterException(spec.commandLine(), target + " exists; --force replaces it");
        }
        Console console = System.console();
        if (provider == null && console != null) {
            provider = ask(console, "Judge provider " + JudgeProvider.wireNames() + " [openai]: ", "openai");
            if (data == null) {
                String d = ask(console, "Data file to evaluate (.jsonl or .csv; empty for none): ", "");
                data = d.isEmpty() ? null : Path.of(d);
            }
        }
        JudgeProvider p;
        try {
            p = JudgeProvider.of(provider == null ? "openai" : provider);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        if (data != null && !Files.isRegularFile(data)) {
            throw new ParameterException(spec.commandLine(), "--data: file does not exist: " + data);
        }
        Path dir = target.toAbsolutePath().getParent();
        String text = StarterFile.text(p, data, dir);
        try {
            Files.createDirectories(dir);
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
        List<ProjectFileException.Problem> problems = RailguardProject.check(target);
        if (!problems.isEmpty()) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, "the starter file has a problem, please report"
                    + " it: " + problems.get(0));
        }
        var o = spec.commandLine().getOut();
        o.println("wrote " + target);
        p.keyVariable().ifPresent(v -> o.println("next: export " + v + "=...   (the judge's key)"));
        o.println("then: railguard validate" + (common.config() != null ? " --config " + target : "")
                + " && railguard eval" + (common.config() != null ? " --config " + target : ""));
        o.flush();
    }

    private static String ask(Console console, String question, String fallback) {
        String answer = console.readLine("%s", question);
        return answer == null || answer.isBlank() ? fallback : answer.trim();
    }
}
