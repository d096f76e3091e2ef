package dev.railguard.config;

import dev.railguard.api.RunMode;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.ColumnMapping;
import dev.railguard.batch.MappedInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dataset a project file declares: a file of DeepRails events, or JSON lines or CSV of any shape with a column
 * mapping.
 *
 * @param name    the dataset's name (default: the file name)
 * @param path    the file, resolved against the project file's directory
 * @param format  its shape
 * @param columns the column mapping (for {@code jsonl} and {@code csv}), else empty
 * @param metrics the metrics of lines that name none
 * @param runMode the run mode of lines that name none, if the dataset sets one
 */
public record ProjectDataset(String name, Path path, MappedInput.Format format, Optional<ColumnMapping> columns,
        List<String> metrics, Optional<RunMode> runMode) {

    /** Validates and copies. */
    public ProjectDataset {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(columns, "columns must not be null");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(runMode, "runMode must not be null");
        if (format != MappedInput.Format.DEEPRAILS && columns.isEmpty()) {
            throw new IllegalArgumentException("a " + format.wireName() + " dataset needs columns, but '" + name
                    + "' has none");
        }
    }

    /** Every non-blank row as a request, or why it cannot be one, as a batch run reads them. */
    public List<MappedInput.Row> rows() {
        return MappedInput.rows(path, format, columns.orElse(null), metrics, runMode.orElse(RunMode.FAST));
    }

    /** Sets the input of {@code batch} to this dataset: its file, columns, metrics and run mode. */
    public BatchEvaluator.Builder applyTo(BatchEvaluator.Builder batch) {
        batch.input(path).defaultMetrics(metrics.toArray(String[]::new));
        columns.ifPresent(c -> batch.columns(c, format));
        runMode.ifPresent(batch::defaultRunMode);
        return batch;
    }
}
