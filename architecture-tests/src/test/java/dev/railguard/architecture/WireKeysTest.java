package dev.railguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only {@code evaluation-formats} names DeepRails' or Agno's JSON keys: the product sources of every other module are
 * scanned for the keys as string literals ({@code "model_input"}), comments left out. A module that needs a key's
 * spelling takes it from the formats module ({@code DeepRailsField}, the codecs); the few literals that are not JSON
 * keys but the same words (a judge prompt's section label, a meter's tag) are listed below with the reason.
 */
class WireKeysTest {

    /** DeepRails' event keys and Agno's eval-run keys. */
    static final List<String> KEYS = List.of("model_input", "model_output", "model_used", "run_mode",
            "guardrail_metrics", "system_prompt", "user_prompt", "ground_truth", "eval_type", "eval_data", "eval_input",
            "evaluated_component_name", "expected_output", "expected_tool_calls", "num_iterations", "scoring_strategy",
            "warmup_runs", "allow_additional_tool_calls", "expected_tool_call_arguments");

    /** File name to the keys it may spell, and why. */
    private static final Map<String, Set<String>> NOT_WIRE_KEYS = Map.ofEntries(
            // DeepEval's template variables, filled to count the prompt tokens DeepEval sends
            Map.entry("CatalogueTokens.java", Set.of("expected_output")),
            // `railguard init`: a column name it guesses for the ground truth
            Map.entry("StarterFile.java", Set.of("expected_output")),
            // a Micrometer tag, named like the request field it carries
            Map.entry("MicrometerObserver.java", Set.of("run_mode")));

    @Test
    void only_evaluation_formats_spells_deeprails_or_agno_keys() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> !root.relativize(p).startsWith("evaluation-formats"))
                    .sorted()
                    .forEach(p -> scan(root, p, found));
        }
        assertThat(found).as("DeepRails or Agno JSON keys outside evaluation-formats (take the spelling from"
                + " dev.railguard.format: DeepRailsField, DeepRailsCodec, ResultLine, AgnoField, AgnoEvalRun, AgnoEvalInput)")
                .isEmpty();
    }

    @Test
    void the_scan_finds_a_key_where_it_is_spelt() {
        List<String> found = new ArrayList<>();
        scanLine("X.java", 1, "    root.put(\"model_input\", n); // \"user_prompt\" in a comment", found);
        scanLine("X.java", 2, "     * {@code \"model_output\"} in Javadoc", found);
        assertThat(found).containsExactly("X.java:1 \"model_input\"");
    }

    private static void scan(Path root, Path file, List<String> found) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        List<String> here = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            scanLine(root.relativize(file).toString(), i + 1, lines.get(i), here);
        }
        Set<String> allowed = NOT_WIRE_KEYS.getOrDefault(name, Set.of());
        here.stream().filter(f -> allowed.stream().noneMatch(k -> f.endsWith("\"" + k + "\""))).forEach(found::add);
    }

    /** Adds {@code file:line "key"} for each key spelt as a string literal in the code part of {@code line}. */
    static void scanLine(String file, int number, String line, List<String> found) {
        String trimmed = line.strip();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return;
        }
        int comment = line.indexOf("//");
        String code = comment >= 0 ? line.substring(0, comment) : line;
        for (String key : KEYS) {
            if (code.contains("\"" + key + "\"")) {
                found.add(file + ":" + number + " \"" + key + "\"");
            }
        }
    }
}
