package dev.railguard.cli;

import dev.railguard.api.Checks;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.cli.internal.OptionCheck;
import dev.railguard.batch.BatchSummary;
import dev.railguard.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code railguard report RESULTS.jsonl}: writes the HTML report again from a results file. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"Write the HTML report of a results file (results.jsonl of 'railguard eval' or a batch run)"
                + " again, without evaluating anything.",
                "stdout: one line, 'report: PATH'."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard report railguard-out/results.jsonl",
                "  railguard report run-2/results.jsonl --out run-2.html --title \"Prompt v2\"",
                "",
                "Exit codes: 0 ok; 2 usage error (missing file, bad option); 3 the file could not be read or written."})
final class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS.jsonl", description = "The results file.")
    Path results;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Where to write the report (default: report.html beside the results file).")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Railguard report",
            description = "Title of the report (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "" + HtmlReport.DEFAULT_MAX_EVENTS,
            description = "Events shown in full, failing first, >= 0 (default: ${DEFAULT-VALUE}).")
    int maxEvents;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        common.checkProject();
        if (!Files.isRegularFile(results)) {
            throw new ParameterException(spec.commandLine(), "RESULTS.jsonl: file does not exist: " + results);
        }
        OptionCheck.of(spec.commandLine(), () -> Checks.atLeast(maxEvents, 0, "--max-events"));
        Path target = out != null ? out : results.resolveSibling("report.html");
        BatchSummary summary = BatchSummary.fromResults(results);
        if (summary.events() == 0) {
            throw new ParameterException(spec.commandLine(), "RESULTS.jsonl: no results record in " + results
                    + " (expected the lines written by 'railguard eval')");
        }
        HtmlReport.write(summary, target, title, maxEvents);
        spec.commandLine().getOut().println("report: " + target);
    }
}
