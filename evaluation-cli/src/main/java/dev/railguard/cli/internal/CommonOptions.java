package dev.railguard.cli.internal;

import dev.railguard.config.ProjectFileException;
import dev.railguard.config.RailguardProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The options every subcommand takes. */
public final class CommonOptions {

    @Option(names = "--verbose", description = "Print the stack trace of an error, not just its one-line message.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colors in the output (the NO_COLOR variable does the same).")
    boolean noColor;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The project file (default: railguard.yaml, railguard.yml or railguard.json in the working"
                    + " directory, if there is one). 'railguard validate' checks it.")
    Path config;

    /** Whether {@code --no-color} was given. */
    public boolean noColor() {
        return noColor;
    }

    /** The {@code --config} file, or null when not given. */
    public Path config() {
        return config;
    }

    /** The project file to use: {@code --config}, else one in the working directory, else none. */
    public Optional<Path> projectFile() {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new CliFailure(2, "--config: file does not exist: " + config);
            }
            return Optional.of(config);
        }
        return RailguardProject.find(Path.of("").toAbsolutePath());
    }

    /**
     * Checks the project file, if there is one, without its environment (for commands that use none of it).
     *
     * @throws CliFailure (exit 3) naming the first problem, and how many more there are
     */
    public void checkProject() {
        Optional<Path> file = projectFile();
        if (file.isPresent()) {
            List<ProjectFileException.Problem> problems = RailguardProject.check(file.get());
            if (!problems.isEmpty()) {
                throw failure(file.get(), problems, null);
            }
        }
    }

    private static CliFailure failure(Path file, List<ProjectFileException.Problem> problems, Throwable cause) {
        int more = problems.size() - 1;
        return new CliFailure(3, problems.get(0) + (more == 0 ? "" : " (and " + more + " more problems;"
                + " 'railguard validate --config " + file + "' lists them)"), cause);
    }

    /**
     * The project, loaded with {@code env} and the command's judge options as {@code railguard.judge.*} properties;
     * empty when there is no project file.
     *
     * @throws CliFailure (exit 3) naming the first problem of a bad file, and how many more there are
     */
    public Optional<RailguardProject> project(Map<String, String> env, Properties judgeOptions) {
        Optional<Path> file = projectFile();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RailguardProject.load(file.get(), env, judgeOptions));
        } catch (ProjectFileException e) {
            throw failure(file.get(), e.problems(), e);
        }
    }
}
