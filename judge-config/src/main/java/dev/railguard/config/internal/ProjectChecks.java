package dev.railguard.config.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.RunMode;
import dev.railguard.batch.ColumnMapping;
import dev.railguard.batch.MappedInput;
import dev.railguard.config.ProjectDataset;
import dev.railguard.config.ProjectFileException;
import dev.railguard.config.ProjectGates;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.format.DeepRailsField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.OptionalInt;

/**
 * What a project file means beyond its shape: the metrics it declares (built-ins by name, checks by kind), its
 * datasets (files that exist, columns that are in them, metrics that exist) and its gates. Each problem is added at
 * its key; the parts that could be read are returned.
 */
public final class ProjectChecks {

    /**
     * A dataset's {@code columns:} keys are the request fields they fill, named as DeepRails names them (the one
     * spelling is {@link DeepRailsField}'s); a key that names none of them maps the nametag.
     */
    private static final Map<String, BiFunction<ColumnMapping.Builder, String, ColumnMapping.Builder>> COLUMN_SETTERS =
            Map.of(DeepRailsField.ID.key(), ColumnMapping.Builder::id,
                    DeepRailsField.USER_PROMPT.key(), ColumnMapping.Builder::userPrompt,
                    DeepRailsField.SYSTEM_PROMPT.key(), ColumnMapping.Builder::systemPrompt,
                    DeepRailsField.GROUND_TRUTH.key(), ColumnMapping.Builder::groundTruth,
                    DeepRailsField.DOCUMENTS.key(), ColumnMapping.Builder::documents,
                    DeepRailsField.MODEL_OUTPUT.key(), ColumnMapping.Builder::output,
                    DeepRailsField.MODEL_USED.key(), ColumnMapping.Builder::modelUsed);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectChecks() {}

    /**
     * The parts of a checked file.
     *
     * @param metrics    the installed metrics plus the declared checks
     * @param thresholds the thresholds the file sets
     * @param datasets   the datasets
     * @param gates      the gates
     */
    public record Checked(MetricRegistry metrics, Map<String, Double> thresholds, List<ProjectDataset> datasets,
            ProjectGates gates) {}

    /** Checks {@code tree} (already of the schema's shape), adding what is wrong to {@code problems}. */
    public static Checked check(LocatedTree tree, List<ProjectFileException.Problem> problems) {
        Path dir = tree.file().toAbsolutePath().getParent();
        MetricRegistry installed = MetricRegistry.installed();
        List<GuardrailMetric> declared = new ArrayList<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.root().path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String at = "/metrics/" + name;
            JsonNode spec = e.getValue();
            if (spec.has("threshold")) {
                thresholds.put(name, spec.get("threshold").asDouble());
            }
            if (!spec.has("kind")) {
                if (installed.find(name).isEmpty()) {
                    problems.add(tree.problemAt(at, "'" + name + "' is not a built-in metric; built-ins are "
                            + installed.names().stream().sorted().toList() + ", or give it a kind, one of "
                            + MetricKinds.kinds()));
                }
                continue;
            }
            if (installed.find(name).isPresent()) {
                problems.add(tree.problemAt(at, "'" + name + "' is the name of a built-in metric; give the "
                        + spec.path("kind").asText() + " check another name"));
                continue;
            }
            try {
                declared.add(MetricKinds.build(name, spec, dir));
            } catch (MetricKinds.KeyProblem p) {
                problems.add(tree.problemAt(p.key().isEmpty() ? at : at + "/" + p.key(), p.getMessage()));
            }
        }
        MetricRegistry metrics = installed.with(declared.toArray(GuardrailMetric[]::new));
        List<ProjectDataset> datasets = datasets(tree, dir, metrics, problems);
        Map<String, Double> failUnder = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.root().path("gates").path("fail_under").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            requireMetric(tree, "/gates/fail_under/" + e.getKey(), e.getKey(), metrics, problems);
            failUnder.put(e.getKey(), e.getValue().asDouble());
        }
        JsonNode max = tree.root().path("gates").path("max_skipped");
        ProjectGates gates = new ProjectGates(failUnder, max.isNumber() ? OptionalInt.of(max.asInt())
                : OptionalInt.empty());
        return new Checked(metrics, Map.copyOf(thresholds), List.copyOf(datasets), gates);
    }

    private static List<ProjectDataset> datasets(LocatedTree tree, Path dir, MetricRegistry metrics,
            List<ProjectFileException.Problem> problems) {
        List<ProjectDataset> out = new ArrayList<>();
        JsonNode all = tree.root().path("datasets");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode d = all.get(i);
            String at = "/datasets/" + i;
            int before = problems.size();
            Path path = dir.resolve(d.get("path").asText()).normalize();
            String name = d.path("name").asText(path.getFileName().toString());
            if (names.contains(name)) {
                problems.add(tree.problemAt(at + (d.has("name") ? "/name" : "/path"), "dataset name '" + name
                        + "' is taken; give each dataset its own name"));
            }
            names.add(name);
            MappedInput.Format format = d.has("format")
                    ? MappedInput.Format.valueOf(d.get("format").asText().toUpperCase(Locale.ROOT))
                    : path.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? MappedInput.Format.CSV
                    : MappedInput.Format.DEEPRAILS;
            Optional<ColumnMapping> columns = Optional.empty();
            if (format == MappedInput.Format.DEEPRAILS && d.has("columns")) {
                problems.add(tree.problemAt(at + "/columns", "DeepRails events need no columns; set format to"
                        + " jsonl or csv to map the columns of another shape"));
            } else if (format != MappedInput.Format.DEEPRAILS && !d.has("columns")) {
                problems.add(tree.problemAt(at + (d.has("format") ? "/format" : "/path"), "a " + format.wireName()
                        + " dataset needs columns: which column holds model_output, user_prompt, ..."));
            } else if (d.has("columns")) {
                columns = mapping(tree, at + "/columns", d.get("columns"), problems);
            }
            if (!Files.isRegularFile(path)) {
                problems.add(tree.problemAt(at + "/path", "the file does not exist: " + path));
            } else if (columns.isPresent()) {
                checkColumns(tree, at + "/columns", columns.get(), format, path, problems);
            }
            List<String> lineMetrics = new ArrayList<>();
            JsonNode m = d.path("metrics");
            for (int k = 0; k < m.size(); k++) {
                requireMetric(tree, at + "/metrics/" + k, m.get(k).asText(), metrics, problems);
                lineMetrics.add(m.get(k).asText());
            }
            if (format != MappedInput.Format.DEEPRAILS && lineMetrics.isEmpty()) {
                problems.add(tree.problemAt(at, "a " + format.wireName() + " dataset's rows name no metrics: list"
                        + " them under metrics"));
            }
            if (problems.size() == before) {
                out.add(new ProjectDataset(name, path, format, columns, lineMetrics,
                        Optional.ofNullable(d.path(DeepRailsField.RUN_MODE.key()).textValue()).map(RunMode::fromWireName)));
            }
        }
        return out;
    }

    private static Optional<ColumnMapping> mapping(LocatedTree tree, String at, JsonNode columns,
            List<ProjectFileException.Problem> problems) {
        ColumnMapping.Builder b = ColumnMapping.builder();
        columns.fields().forEachRemaining(e ->
                COLUMN_SETTERS.getOrDefault(e.getKey(), ColumnMapping.Builder::nametag).apply(b, e.getValue().asText()));
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            problems.add(tree.problemAt(at, e.getMessage().replace("call userPrompt(column) or systemPrompt(column)",
                    "set user_prompt or system_prompt")));
            return Optional.empty();
        }
    }

    /**
     * Each mapped column must be in the CSV header; of JSON lines, whose keys may differ from line to line, the output
     * column must be in the first object.
     */
    private static void checkColumns(LocatedTree tree, String at, ColumnMapping mapping, MappedInput.Format format,
            Path path, List<ProjectFileException.Problem> problems) {
        List<String> present = format == MappedInput.Format.CSV ? MappedInput.csvHeader(path) : firstKeys(path);
        if (present == null) {
            return;
        }
        mapping.columns().forEach((field, column) -> {
            if (!present.contains(column) && (format == MappedInput.Format.CSV || field.equals(DeepRailsField.MODEL_OUTPUT.key()))) {
                problems.add(tree.problemAt(at + "/" + field, "the column '" + column + "' is not in "
                        + path.getFileName() + "; its columns are " + present));
            }
        });
    }

    /** The keys of the first JSON object line of {@code path}, or null when it has none to read. */
    private static List<String> firstKeys(Path path) {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    JsonNode n = JSON.readTree(line);
                    List<String> keys = new ArrayList<>();
                    n.fieldNames().forEachRemaining(keys::add);
                    return n.isObject() ? keys : null;
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    private static void requireMetric(LocatedTree tree, String at, String name, MetricRegistry metrics,
            List<ProjectFileException.Problem> problems) {
        if (metrics.find(name).isEmpty()) {
            problems.add(tree.problemAt(at, "'" + name + "' is not a metric of this project; its metrics are "
                    + metrics.names().stream().sorted().toList()));
        }
    }
}
