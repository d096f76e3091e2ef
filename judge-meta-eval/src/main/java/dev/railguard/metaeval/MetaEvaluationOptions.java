package dev.railguard.metaeval;

import dev.railguard.api.Checks;
import dev.railguard.api.RunMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a command line gives a meta-evaluation ({@code railguard meta-eval}): the data set and its format, the run
 * modes, repeats, seed and output directory. Built from strings where a command line has strings, each checked at
 * once with a message naming the option, the value and what is allowed.
 *
 * @param dataset          the data set file
 * @param format           its format
 * @param sourceInfo       RAGTruth's {@code source_info.jsonl}, or {@code null}
 * @param modes            the run modes to measure, at least one
 * @param repeats          evaluations of each case per mode, 1 to {@value MetaEvaluation#MAX_REPEATS}
 * @param seed             the bootstrap seed
 * @param out              where {@code meta-eval.json} and {@code meta-eval.html} go
 * @param limit            the most cases to use (the first ones), 0 for all
 * @param bootstrapSamples bootstrap replicates per figure
 */
public record MetaEvaluationOptions(Path dataset, DatasetFormat format, Path sourceInfo, List<RunMode> modes,
        int repeats, long seed, Path out, int limit, int bootstrapSamples) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public MetaEvaluationOptions {
        Objects.requireNonNull(dataset, "dataset must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(out, "out must not be null");
        modes = List.copyOf(Objects.requireNonNull(modes, "modes must not be null"));
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("modes must name at least one of " + RunMode.wireNames()
                    + ", but was: []");
        }
        MetaEvaluation.checkRepeats(repeats);
        MetaEvaluation.checkSamples(bootstrapSamples);
        Checks.atLeast(limit, 0, "limit (0: every case)");
        if (format == DatasetFormat.RAGTRUTH && sourceInfo == null) {
            throw new IllegalArgumentException("sourceInfo (RAGTruth's source_info.jsonl) is required for format"
                    + " 'ragtruth', but was missing");
        }
    }

    /** A builder with the defaults: format {@code railguard}, mode {@code fast}, 3 repeats, seed 42, out
     * {@code railguard-out/meta-eval}, every case, 2,000 bootstrap samples. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MetaEvaluationOptions} from command-line values. */
    public static final class Builder {
        private Path dataset;
        private DatasetFormat format = DatasetFormat.RAILGUARD;
        private Path sourceInfo;
        private List<RunMode> modes = List.of(RunMode.FAST);
        private int repeats = MetaEvaluation.DEFAULT_REPEATS;
        private long seed = MetaEvaluation.DEFAULT_SEED;
        private Path out = Path.of("railguard-out", "meta-eval");
        private int limit;
        private int bootstrapSamples = MetaEvaluation.DEFAULT_BOOTSTRAP_SAMPLES;

        private Builder() {}

        /** The data set file (required). */
        public Builder dataset(Path dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset must not be null");
            return this;
        }

        /** The format by name: {@code railguard}, {@code halueval_qa}, {@code truthfulqa}, {@code ragtruth}. */
        public Builder format(String format) {
            this.format = DatasetFormat.fromWireName(format);
            return this;
        }

        /** RAGTruth's {@code source_info.jsonl}. */
        public Builder sourceInfo(Path sourceInfo) {
            this.sourceInfo = sourceInfo;
            return this;
        }

        /** Modes as a comma-separated list of wire names, such as {@code "fast,precision,precision_max"}. */
        public Builder modes(String commaSeparated) {
            Objects.requireNonNull(commaSeparated, "modes must not be null");
            List<RunMode> parsed = new ArrayList<>();
            for (String name : commaSeparated.split(",")) {
                if (!name.isBlank()) {
                    RunMode mode = RunMode.fromWireName(name.strip());
                    if (!parsed.contains(mode)) {
                        parsed.add(mode);
                    }
                }
            }
            this.modes = parsed;
            return this;
        }

        /** Modes. */
        public Builder modes(List<RunMode> modes) {
            this.modes = List.copyOf(modes);
            return this;
        }

        /** Evaluations of each case per mode (default 3). */
        public Builder repeats(int repeats) {
            this.repeats = repeats;
            return this;
        }

        /** The bootstrap seed (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The output directory (default {@code railguard-out/meta-eval}). */
        public Builder out(Path out) {
            this.out = Objects.requireNonNull(out, "out must not be null");
            return this;
        }

        /** The most cases to use, 0 for all (default). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Bootstrap replicates per figure (default 2,000). */
        public Builder bootstrapSamples(int samples) {
            this.bootstrapSamples = samples;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public MetaEvaluationOptions build() {
            if (dataset == null) {
                throw new IllegalArgumentException("dataset is required, but was missing");
            }
            return new MetaEvaluationOptions(dataset, format, sourceInfo, modes, repeats, seed, out, limit,
                    bootstrapSamples);
        }
    }
}
