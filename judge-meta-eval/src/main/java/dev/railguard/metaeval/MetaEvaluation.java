package dev.railguard.metaeval;

import dev.railguard.api.Checks;
import dev.railguard.api.RunMode;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.metaeval.internal.ConfigurationRun;
import dev.railguard.metaeval.internal.Figures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Measures how far judges can be trusted: evaluates a labelled data set under chosen run modes and judge panels,
 * each case {@code repeats} times with the judge cache off, and reports agreement with the human labels, the flip
 * rate between repeats, cost and latency, and what each mode buys over {@code fast}.
 *
 * <pre>{@code
 * MetaEvaluationReport report = MetaEvaluation.builder()
 *     .dataset(Datasets.haluEvalQa(Path.of("qa_data.json")).limit(500))
 *     .panel("gpt-4o-mini", panel)                                  // one or more panels
 *     .panel("three verifiers", panel3, b -> b.plan(RunMode.PRECISION, plan3))
 *     .modes(RunMode.FAST, RunMode.PRECISION, RunMode.PRECISION_MAX)
 *     .repeats(3).seed(42)
 *     .build().run();
 * System.out.print(report.table());
 * report.write(Path.of("railguard-out/meta-eval"));
 * }</pre>
 *
 * A command line calls {@link #run(MetaEvaluationOptions, String, JudgePanel, PriceTable, PrintWriter, PrintWriter)}.
 */
public final class MetaEvaluation {

    /** Repeats when none are given. */
    public static final int DEFAULT_REPEATS = 3;
    /** The most repeats. */
    public static final int MAX_REPEATS = 20;
    /** The bootstrap seed when none is given. */
    public static final long DEFAULT_SEED = 42;
    /** Bootstrap replicates per figure when none are given. */
    public static final int DEFAULT_BOOTSTRAP_SAMPLES = 2_000;

    private record Panel(String name, JudgePanel panel, Consumer<RailguardEvaluator.Builder> customize) {}

    private final LabelledDataset dataset;
    private final List<Panel> panels;
    private final List<RunMode> modes;
    private final int repeats;
    private final long seed;
    private final int samples;
    private final int maxInFlight;
    private final PriceTable prices;
    private final Consumer<String> progress;

    private MetaEvaluation(Builder b) {
        this.dataset = Objects.requireNonNull(b.dataset, "dataset is required");
        if (b.panels.isEmpty()) {
            throw new IllegalArgumentException("panels must name at least one judge panel, but none was given");
        }
        this.panels = List.copyOf(b.panels);
        this.modes = List.copyOf(b.modes);
        this.repeats = b.repeats;
        this.seed = b.seed;
        this.samples = b.samples;
        this.maxInFlight = b.maxInFlight;
        this.prices = b.prices;
        this.progress = b.progress;
    }

    /** A builder: mode {@code fast}, 3 repeats, seed 42, 2,000 bootstrap samples, 32 evaluations in flight. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every panel in every mode, {@code repeats} times over the data set, and computes the report. Panels run
     * one after the other, modes too, repeats too; the cases of one repeat run concurrently.
     *
     * @throws CancellationException if the calling thread is interrupted (its interrupt flag is kept)
     */
    public MetaEvaluationReport run() {
        List<ConfigurationResult> results = new ArrayList<>();
        List<ModeComparison> comparisons = new ArrayList<>();
        RunMode baselineMode = modes.contains(RunMode.FAST) ? RunMode.FAST : modes.get(0);
        for (Panel panel : panels) {
            Map<RunMode, ConfigurationRun> runs = new LinkedHashMap<>();
            Map<RunMode, ConfigurationResult> byMode = new LinkedHashMap<>();
            for (RunMode mode : modes) {
                progress.accept("meta-eval: " + panel.name() + " / " + mode.wireName() + ", " + dataset.cases().size()
                        + " cases x " + repeats + " repeat(s)");
                RailguardEvaluator.Builder builder = RailguardEvaluator.builder().judges(panel.panel()).cache(false)
                        .prices(prices);
                panel.customize().accept(builder);
                ConfigurationRun run;
                try (RailguardEvaluator evaluator = builder.build()) {
                    run = ConfigurationRun.run(evaluator, dataset, mode, repeats, maxInFlight);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("the meta-evaluation was interrupted during " + panel.name()
                            + " / " + mode.wireName());
                }
                ConfigurationResult result = Figures.configuration(panel.name(), mode, repeats, run, samples, seed);
                runs.put(mode, run);
                byMode.put(mode, result);
                results.add(result);
            }
            for (String metric : dataset.metrics()) {
                for (RunMode mode : modes) {
                    if (mode != baselineMode) {
                        comparisons.add(Figures.compare(panel.name(), metric, baselineMode, runs.get(baselineMode),
                                byMode.get(baselineMode), mode, runs.get(mode), byMode.get(mode), samples, seed));
                    }
                }
            }
        }
        return new MetaEvaluationReport(dataset.name(), dataset.cases().size(), repeats, seed, samples, results,
                comparisons, dataset.skipped());
    }

    /**
     * The entry a command line calls: reads the data set the options name, measures {@code panel} in the options'
     * modes, prints the table and the files written to {@code out} and progress lines to {@code progress}, and writes
     * {@code meta-eval.json} and {@code meta-eval.html} into the options' output directory.
     *
     * @param panelName how the report names the panel (for example the judge model)
     * @param prices    prices of the judges' tokens, {@link PriceTable#NONE} for none
     * @param out       results (a command's stdout)
     * @param progress  progress lines (a command's stderr)
     * @throws IllegalArgumentException      when the data set has no case that could be read
     * @throws java.io.UncheckedIOException  when a file cannot be read or written
     * @throws CancellationException         if the calling thread is interrupted
     */
    public static MetaEvaluationReport run(MetaEvaluationOptions options, String panelName, JudgePanel panel,
            PriceTable prices, PrintWriter out, PrintWriter progress) {
        Map<String, JudgePanel> panels = new LinkedHashMap<>();
        panels.put(panelName, panel);
        return run(options, panels, prices, out, progress);
    }

    /**
     * As {@link #run(MetaEvaluationOptions, String, JudgePanel, PriceTable, PrintWriter, PrintWriter)}, comparing
     * several panels (for example one per judge model), in the map's order.
     */
    public static MetaEvaluationReport run(MetaEvaluationOptions options, Map<String, JudgePanel> panels,
            PriceTable prices, PrintWriter out, PrintWriter progress) {
        return run(options, panels, prices, b -> { }, out, progress);
    }

    /**
     * As {@link #run(MetaEvaluationOptions, Map, PriceTable, PrintWriter, PrintWriter)}, with {@code customize}
     * adjusting every panel's evaluator (a command line's self-judging policy, for example).
     */
    public static MetaEvaluationReport run(MetaEvaluationOptions options, Map<String, JudgePanel> panels,
            PriceTable prices, Consumer<RailguardEvaluator.Builder> customize, PrintWriter out, PrintWriter progress) {
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(customize, "customize must not be null");
        Objects.requireNonNull(panels, "panels must not be null");
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        LabelledDataset dataset = Datasets.read(options.format(), options.dataset(), options.sourceInfo());
        if (dataset.cases().isEmpty()) {
            throw new IllegalArgumentException("dataset " + options.dataset() + " (format '"
                    + options.format().wireName() + "') has no case that could be read; " + dataset.skipped().size()
                    + " record(s) were skipped" + (dataset.skipped().isEmpty() ? ""
                            : ", the first at " + dataset.skipped().get(0).position() + ": "
                                    + dataset.skipped().get(0).reason()));
        }
        if (options.limit() > 0) {
            dataset = dataset.limit(options.limit());
        }
        Builder builder = builder().dataset(dataset).modes(options.modes()).repeats(options.repeats())
                .seed(options.seed()).bootstrapSamples(options.bootstrapSamples()).prices(prices)
                .progress(line -> {
                    progress.println(line);
                    progress.flush();
                });
        panels.forEach((name, panel) -> builder.panel(name, panel, customize));
        MetaEvaluationReport report = builder.build().run();
        out.print(report.table());
        report.write(options.out());
        out.println("wrote " + options.out().resolve(MetaEvaluationReport.JSON_FILE) + " and "
                + options.out().resolve(MetaEvaluationReport.HTML_FILE));
        out.flush();
        return report;
    }

    static void checkRepeats(int repeats) {
        Checks.between(repeats, 1, MAX_REPEATS, "repeats");
    }

    static void checkSamples(int samples) {
        Checks.between(samples, 100, 100_000, "bootstrapSamples");
    }

    /** Settings of a {@link MetaEvaluation}. */
    public static final class Builder {
        private LabelledDataset dataset;
        private final List<Panel> panels = new ArrayList<>();
        private List<RunMode> modes = List.of(RunMode.FAST);
        private int repeats = DEFAULT_REPEATS;
        private long seed = DEFAULT_SEED;
        private int samples = DEFAULT_BOOTSTRAP_SAMPLES;
        private int maxInFlight = 32;
        private PriceTable prices = PriceTable.NONE;
        private Consumer<String> progress = line -> { };

        private Builder() {}

        /** The labelled data set (required). */
        public Builder dataset(LabelledDataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset must not be null");
            return this;
        }

        /** A judge panel to measure, named for the report; each panel gets its own evaluator, cache off. */
        public Builder panel(String name, JudgePanel panel) {
            return panel(name, panel, b -> { });
        }

        /**
         * A judge panel whose evaluator {@code customize} adjusts after Railguard set the panel, the cache (off)
         * and the prices: run-mode plans, limits, timeouts, metrics. Turning the cache on makes repeats share
         * replies, so the flip rate would read 0.
         *
         * @throws IllegalArgumentException when the name is blank or already used
         */
        public Builder panel(String name, JudgePanel panel, Consumer<RailguardEvaluator.Builder> customize) {
            Objects.requireNonNull(name, "panel name must not be null");
            if (name.isBlank() || panels.stream().anyMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("panel name must be non-blank and unique, but was: '" + name
                        + "'");
            }
            panels.add(new Panel(name, Objects.requireNonNull(panel, "panel must not be null"),
                    Objects.requireNonNull(customize, "customize must not be null")));
            return this;
        }

        /** The run modes to measure, in report order (default {@code fast}); {@code fast} is the baseline. */
        public Builder modes(RunMode... modes) {
            return modes(List.of(modes));
        }

        /** As {@link #modes(RunMode...)}. */
        public Builder modes(List<RunMode> modes) {
            if (modes.isEmpty() || modes.stream().distinct().count() != modes.size()) {
                throw new IllegalArgumentException("modes must name at least one mode, each once, but was: " + modes);
            }
            this.modes = List.copyOf(modes);
            return this;
        }

        /** Evaluations of each case per mode and panel, 1 to {@value MetaEvaluation#MAX_REPEATS} (default 3). */
        public Builder repeats(int repeats) {
            checkRepeats(repeats);
            this.repeats = repeats;
            return this;
        }

        /** The bootstrap seed (default 42): the same seed and verdicts give the same intervals. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Bootstrap replicates per figure, 100 to 100,000 (default 2,000). */
        public Builder bootstrapSamples(int samples) {
            checkSamples(samples);
            this.samples = samples;
            return this;
        }

        /** Evaluations submitted at once within a repeat (default 32); the evaluator bounds judge calls itself. */
        public Builder maxInFlight(int max) {
            Checks.atLeast(max, 1, "maxInFlight");
            this.maxInFlight = max;
            return this;
        }

        /** Prices of the judges' tokens, so the report shows money (default none). */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices must not be null");
            return this;
        }

        /** Where progress lines go (default nowhere). */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress must not be null");
            return this;
        }

        /**
         * The meta-evaluation.
         *
         * @throws NullPointerException     without a data set
         * @throws IllegalArgumentException without a panel
         */
        public MetaEvaluation build() {
            return new MetaEvaluation(this);
        }
    }
}
