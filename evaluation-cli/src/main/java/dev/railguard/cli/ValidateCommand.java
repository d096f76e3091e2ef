package dev.railguard.cli;

import dev.railguard.cli.internal.CliFailure;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.config.ProjectFileException;
import dev.railguard.config.RailguardProject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code railguard validate}: checks a project file against its schema and what it refers to. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"Check a project file (railguard.yaml): its shape (railguard.schema.json), its metrics, datasets"
                + " (files that exist, columns that are in them), gates, judge names and provider modules. With --env,"
                + " also that the environment variables it refers to are set.",
                "stdout: one line per problem, FILE:LINE:COLUMN: KEY: what is wrong and what is allowed; or one line"
                        + " saying the file is valid."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard validate", "  railguard validate --config ci/railguard.yaml --env", "",
                "Exit codes: 0 the file is valid; 2 usage error (no file); 3 the file has problems."})
final class ValidateCommand implements Runnable {

    @ParentCommand
    RailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", description = "Also check that the environment variables the file refers to (${NAME})"
            + " are set, as a run would.")
    boolean env;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        Path file = common.projectFile().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no project file: give --config FILE, or run where railguard.yaml is"));
        List<ProjectFileException.Problem> problems = RailguardProject.check(file);
        if (problems.isEmpty() && env) {
            try {
                RailguardProject.load(file, root.env(), new Properties());
            } catch (ProjectFileException e) {
                problems = e.problems();
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        problems.forEach(o::println);
        if (!problems.isEmpty()) {
            o.flush();
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, problems.size() + (problems.size() == 1
                    ? " problem" : " problems") + " in " + file);
        }
        o.println(file + ": valid" + (env ? ", and every variable it refers to is set" : ""));
        o.flush();
    }
}
