package dev.railguard.cli.internal;

import dev.railguard.format.DeepRailsField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.batch.MappedInput;
import dev.railguard.config.JudgeProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commented starter {@code railguard.yaml} of {@code railguard init}: a judge of the chosen provider (its key by
 * reference), the built-in metrics that fit the data, an offline check, the data file with its columns guessed from
 * their names, and a gate.
 */
public final class StarterFile {

    private static final Map<String, List<String>> GUESSES = guesses();

    private StarterFile() {}

    private static Map<String, List<String>> guesses() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("id", List.of("id", "case_id", "request_id", "uuid"));
        g.put(DeepRailsField.USER_PROMPT.key(), List.of(DeepRailsField.USER_PROMPT.key(), "question", "prompt", "input", "query"));
        g.put(DeepRailsField.SYSTEM_PROMPT.key(), List.of(DeepRailsField.SYSTEM_PROMPT.key(), "system", "instructions"));
        g.put(DeepRailsField.MODEL_OUTPUT.key(), List.of(DeepRailsField.MODEL_OUTPUT.key(), "output", "answer", "response", "completion"));
        g.put(DeepRailsField.GROUND_TRUTH.key(), List.of(DeepRailsField.GROUND_TRUTH.key(), "expected", "expected_output", "reference", "gold"));
        g.put("documents", List.of("documents", "context", "passages", "retrieved"));
        return g;
    }

    /** The file's text for {@code provider} and, if not null, the data file {@code data} (relative to the project). */
    public static String text(JudgeProvider provider, Path data, Path projectDir) {
        StringBuilder y = new StringBuilder();
        y.append("# Railguard project file: what to evaluate, with which judges, and when a run fails.\n")
                .append("# Check it with 'railguard validate'; run it with 'railguard eval'. Every key is described in\n")
                .append("# railguard.schema.json (point your editor's YAML plugin at it for completion).\n")
                .append("version: 1\n\n")
                .append("# The judges. Keys only by reference to an environment variable: a literal key is refused.\n")
                .append("judges:\n")
                .append("  - provider: ").append(provider.wireName()).append('\n')
                .append("    model: ").append(model(provider)).append('\n');
        switch (provider) {
            case AZURE_OPENAI -> y.append("    base_url: https://RESOURCE.openai.azure.com/openai/v1   # your resource\n");
            case OLLAMA -> y.append("    base_url: http://localhost:11434/v1   # Ollama's OpenAI-compatible endpoint\n");
            default -> { }
        }
        provider.keyVariable().ifPresent(v -> y.append("    api_key: ${").append(v).append("}\n"));
        y.append("    # limits: {concurrency: 8, requests_per_minute: 500}\n")
                .append("    # prices: {input: 2.5, output: 10}   # per million tokens, for the cost in results\n\n")
                .append("# A model never judges its own output: refuse (default) or allow_with_warning.\n")
                .append("self_judging: refuse\n")
                .append("run_mode: fast\n\n");
        Dataset d = data == null ? null : dataset(data, projectDir);
        List<String> metrics = d == null ? List.of("correctness", "pii") : d.metrics();
        y.append("# Metrics: built-ins with thresholds, and checks of a kind (regex, contains, json_schema, pii).\n")
                .append("metrics:\n");
        for (String m : metrics) {
            y.append("  ").append(m).append(":\n    threshold: ").append(m.equals("pii") ? "1.0" : "0.8").append('\n');
        }
        y.append("  no_internal_links:\n    kind: regex\n    must_not_match: \"\\\\b[\\\\w.-]+\\\\.(internal|corp|local)\\\\b\"\n\n");
        if (d != null) {
            y.append("datasets:\n  - path: ").append(d.path()).append('\n');
            if (d.format() != MappedInput.Format.DEEPRAILS) {
                y.append("    format: ").append(d.format().wireName()).append('\n')
                        .append("    columns:   # which column holds each part of an event\n");
                d.columns().forEach((f, c) -> y.append("      ").append(f).append(": ").append(quoted(c)).append('\n'));
            }
            y.append("    metrics: [").append(String.join(", ", metrics)).append(", no_internal_links]\n\n");
        } else {
            y.append("# datasets:\n#   - path: events.jsonl        # DeepRails events, or format: csv / jsonl with columns\n\n");
        }
        y.append("# When a run fails (exit code 1).\n")
                .append("gates:\n  fail_under:\n    ").append(metrics.get(0)).append(": 0.9\n")
                .append("  max_skipped: 0   # a line that cannot be read fails the run\n");
        return y.toString();
    }

    private static String model(JudgeProvider provider) {
        return switch (provider) {
            case ANTHROPIC -> "claude-sonnet-4-5";
            case GEMINI -> "gemini-2.5-flash";
            case OLLAMA -> "llama3.1";
            case AZURE_OPENAI -> "gpt-4o   # the deployment's name";
            default -> "gpt-4o";
        };
    }

    private static String quoted(String column) {
        return column.matches("[A-Za-z_][A-Za-z0-9_ -]*") ? column : "\"" + column.replace("\"", "\\\"") + "\"";
    }

    /** The data file as the starter declares it. */
    private record Dataset(String path, MappedInput.Format format, Map<String, String> columns, List<String> metrics) {}

    private static Dataset dataset(Path data, Path projectDir) {
        String rel = projectDir.toAbsolutePath().normalize().relativize(data.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        List<String> names = data.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? MappedInput.csvHeader(data)
                : firstKeys(data);
        if (names.contains(DeepRailsField.MODEL_INPUT.key()) && names.contains(DeepRailsField.MODEL_OUTPUT.key())) {
            return new Dataset(rel, MappedInput.Format.DEEPRAILS, Map.of(), List.of("correctness", "pii"));
        }
        Map<String, String> columns = new LinkedHashMap<>();
        GUESSES.forEach((field, candidates) -> candidates.stream()
                .flatMap(c -> names.stream().filter(n -> n.equalsIgnoreCase(c))).findFirst()
                .ifPresent(n -> columns.put(field, n)));
        if (!columns.containsKey(DeepRailsField.MODEL_OUTPUT.key()) || (!columns.containsKey(DeepRailsField.USER_PROMPT.key())
                && !columns.containsKey(DeepRailsField.SYSTEM_PROMPT.key()))) {
            throw new CliFailure(2, "--data: could not tell which columns hold the output and the prompt of "
                    + data.getFileName() + " (its columns are " + names + "); name them answer and question, or edit"
                    + " the columns of the file this writes");
        }
        List<String> metrics = new ArrayList<>(List.of("correctness"));
        if (columns.containsKey(DeepRailsField.GROUND_TRUTH.key())) {
            metrics.add("ground_truth_adherence");
        }
        if (columns.containsKey("documents")) {
            metrics.add("context_adherence");
        }
        metrics.add("pii");
        return new Dataset(rel, data.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? MappedInput.Format.CSV
                : MappedInput.Format.JSONL, columns, metrics);
    }

    private static List<String> firstKeys(Path data) {
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    JsonNode n = new ObjectMapper().readTree(line);
                    List<String> keys = new ArrayList<>();
                    n.fieldNames().forEachRemaining(keys::add);
                    return keys;
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + data, e);
        }
    }
}
