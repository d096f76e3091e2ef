package dev.railguard.cli;

import dev.railguard.api.Checks;
import dev.railguard.cli.internal.CliFailure;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.cli.internal.OptionCheck;
import dev.railguard.cli.internal.Style;
import dev.railguard.diff.DiffReport;
import dev.railguard.diff.DiffResult;
import dev.railguard.diff.RunDiff;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code railguard diff BASE.jsonl NEW.jsonl}: did the new run get worse, or is it noise? */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"Compare two results files of the same events (before and after a prompt or model change) and"
                + " tell, per metric, whether the new run got worse or the difference is noise.",
                "Events pair by id, or by a hash of prompt, ground truth and nametag. Per metric: both pass rates and"
                        + " their difference with a paired bootstrap interval (seeded), an exact McNemar test on the"
                        + " PASS/FAIL flips, the mean score change with its interval, and the flipped events. A metric"
                        + " regresses when its pass rate fell by at least --min-effect with McNemar p < --alpha.",
                "stdout: one line per metric, then the pairing counts and the report path (or, with --json, one JSON"
                        + " document)."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard diff base/results.jsonl new/results.jsonl",
                "  railguard diff base/results.jsonl new/results.jsonl --min-effect 0.05 --out diff.html",
                "  railguard diff base/results.jsonl new/results.jsonl --json > diff.json",
                "",
                "Exit codes: 0 no metric regressed; 1 a metric regressed (the gate); 2 usage error; 3 a file could"
                        + " not be read or written."})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    RailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE.jsonl", description = "Results of the base run.")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW.jsonl", description = "Results of the new run.")
    Path candidate;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
            description = "Significance level of the McNemar test, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-effect", paramLabel = "RATE", defaultValue = "0",
            description = "Smallest fall in pass rate that counts as a regression, in [0, 1]; 0.05 is 5 points"
                    + " (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence of the intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "2000",
            description = "Bootstrap resamples, 100..1000000 (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20240601",
            description = "Bootstrap seed: the same files and seed give the same intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Where to write the HTML diff report (default: diff.html beside NEW.jsonl).")
    Path out;

    @Option(names = "--json", description = "Print the diff as one JSON document instead of the table.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        common.checkProject();
        for (Path p : new Path[] {base, candidate}) {
            if (!Files.isRegularFile(p)) {
                throw new ParameterException(spec.commandLine(), (p == base ? "BASE.jsonl" : "NEW.jsonl")
                        + ": file does not exist: " + p);
            }
        }
        OptionCheck.of(spec.commandLine(), () -> {
            Checks.exclusiveBetween(alpha, 0, 1, "--alpha");
            Checks.between(minEffect, 0, 1, "--min-effect");
            Checks.exclusiveBetween(confidence, 0, 1, "--confidence");
            Checks.between(resamples, 100, 1_000_000, "--resamples");
        });
        RunDiff.Settings settings = new RunDiff.Settings(alpha, minEffect, confidence, resamples, seed);
        DiffResult d;
        try {
            d = RunDiff.with(settings).compare(base, candidate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path report = out != null ? out : candidate.resolveSibling("diff.html");
        DiffReport.write(d, report, base.toString(), candidate.toString());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(d.toJson());
        } else {
            print(o, d, report);
        }
        o.flush();
        for (DiffResult.MetricDiff m : d.metrics()) {
            if (m.errorPairs() > 0) {
                root.err().println("railguard diff: note: " + m.metric() + " has " + m.errorPairs() + " pairs with an"
                        + " ERROR result (a judge problem), counted as not passed");
            }
        }
        if (d.hasRegression()) {
            throw new CliFailure(RailguardCommand.GATE_FAILED, "regression: " + String.join("; ", d.regressions()
                    .stream().map(m -> String.format(Locale.ROOT, "%s %+.1f points (%d pass->fail, %d fail->pass,"
                            + " McNemar p=%.4g)", m.metric(), m.delta() * 100, m.passToFail(), m.failToPass(),
                            m.mcnemarP())).toList()));
        }
        return RailguardCommand.OK;
    }

    private void print(PrintWriter o, DiffResult d, Path report) {
        Style style = Style.of(root.env(), common.noColor(), System.console() != null);
        String ci = Math.round(d.settings().confidence() * 100) + "% interval";
        o.printf(Locale.ROOT, "%-26s %6s %7s %7s %-26s %6s %6s %9s %-24s %s%n", "metric", "pairs", "base", "new",
                "change [" + ci + "]", "p->f", "f->p", "McNemar p", "score change", "verdict");
        for (DiffResult.MetricDiff m : d.metrics()) {
            String verdict = m.regression() ? style.bad("REGRESSED")
                    : m.pairs() > 0 && m.delta() > 0 && m.mcnemarP() < d.settings().alpha() ? style.good("improved")
                    : "no significant change";
            o.printf(Locale.ROOT, "%-26s %6d %7s %7s %-26s %6d %6d %9s %-24s %s%n", m.metric(), m.pairs(),
                    pct(m.basePassRate()), pct(m.newPassRate()), m.pairs() == 0 ? "-" : String.format(Locale.ROOT,
                            "%+.1f [%+.1f, %+.1f] pts", m.delta() * 100, m.deltaInterval().low() * 100,
                            m.deltaInterval().high() * 100), m.passToFail(), m.failToPass(),
                    String.format(Locale.ROOT, "%.4f", m.mcnemarP()), m.scoredPairs() == 0 ? "-"
                            : String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", m.meanScoreDelta(),
                                    m.scoreInterval().low(), m.scoreInterval().high()), verdict);
        }
        long onlyBase = d.unpaired().stream().filter(u -> u.run().equals("base")).count();
        o.printf(Locale.ROOT, "paired events: %d, only in base: %d, only in new: %d%n", d.paired(), onlyBase,
                d.unpaired().size() - onlyBase);
        o.println("report: " + report);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
