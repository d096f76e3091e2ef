package dev.railguard.metaeval;

import dev.railguard.api.RunMode;
import dev.railguard.metaeval.internal.ReportHtml;
import dev.railguard.metaeval.internal.ReportJson;
import dev.railguard.metaeval.internal.ReportTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The result of a {@link MetaEvaluation}: per judge panel and run mode, agreement with the human labels per metric
 * (balanced accuracy, Cohen's kappa, Matthews correlation, precision and recall for FAIL, each with a seeded bootstrap
 * 95% interval), the flip rate between repeats, cost and latency; and per panel and metric, what each mode buys over
 * the baseline mode. Rendered as a console table ({@link #table()}), JSON ({@link #json()}) and an HTML page with a
 * cost-against-agreement chart ({@link #html()}); {@link #write(Path)} writes the last two.
 *
 * @param dataset          the data set's name
 * @param cases            cases in the data set
 * @param repeats          evaluations of each case per configuration
 * @param seed             the bootstrap seed
 * @param bootstrapSamples bootstrap replicates per figure
 * @param configurations   one per panel and mode, panels in the order given, modes in the order given
 * @param comparisons      per panel, metric and non-baseline mode
 * @param skippedRecords   records of the data set's input that could not be read
 */
public record MetaEvaluationReport(String dataset, int cases, int repeats, long seed, int bootstrapSamples,
        List<ConfigurationResult> configurations, List<ModeComparison> comparisons,
        List<LabelledDataset.Skipped> skippedRecords) {

    /** The file names {@link #write(Path)} uses. */
    public static final String JSON_FILE = "meta-eval.json";
    /** The HTML page's file name. */
    public static final String HTML_FILE = "meta-eval.html";

    /** Copies. */
    public MetaEvaluationReport {
        Objects.requireNonNull(dataset, "dataset must not be null");
        configurations = List.copyOf(configurations);
        comparisons = List.copyOf(comparisons);
        skippedRecords = List.copyOf(skippedRecords);
    }

    /**
     * The configuration of {@code panel} in {@code mode}.
     *
     * @throws NoSuchElementException naming the configurations there are
     */
    public ConfigurationResult configuration(String panel, RunMode mode) {
        return configurations.stream().filter(c -> c.panel().equals(panel) && c.mode() == mode).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no configuration '" + panel + " / " + mode.wireName()
                        + "'; there are: " + configurations.stream().map(ConfigurationResult::label).toList()));
    }

    /**
     * The comparison of {@code mode} with the baseline for {@code panel} on {@code metric}.
     *
     * @throws NoSuchElementException when there is none
     */
    public ModeComparison comparison(String panel, RunMode mode, String metric) {
        return comparisons.stream().filter(c -> c.panel().equals(panel) && c.mode() == mode
                        && c.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no comparison of '" + panel + " / " + mode.wireName()
                        + "' on '" + metric + "'; the baseline mode itself has none"));
    }

    /** A plain-text table for a console, then the comparisons' conclusions. */
    public String table() {
        return ReportTable.render(this);
    }

    /** The report as JSON (snake_case keys; undefined figures are {@code null}). */
    public String json() {
        return ReportJson.render(this);
    }

    /** A self-contained HTML page (inline CSS and SVG, no script, no network). */
    public String html() {
        return ReportHtml.render(this);
    }

    /**
     * Writes {@value #JSON_FILE} and {@value #HTML_FILE} into {@code directory} (created if needed).
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(JSON_FILE), json(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(HTML_FILE), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the meta-evaluation report to " + directory, e);
        }
    }
}
