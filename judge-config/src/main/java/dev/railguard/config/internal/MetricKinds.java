package dev.railguard.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.metrics.ContainsMetric;
import dev.railguard.metrics.JsonSchemaMetric;
import dev.railguard.metrics.PiiFinding;
import dev.railguard.metrics.PiiMetric;
import dev.railguard.metrics.RegexMetric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kinds of metric a project file may declare ({@code kind:}), each one mapping from its keys to a metric. Adding a
 * kind is one entry in {@link #KINDS} (and its keys in {@code railguard.schema.json}).
 */
public final class MetricKinds {

    /** A metric of one kind from its declaration. */
    @FunctionalInterface
    interface Kind {
        /**
         * The metric {@code name} declared by {@code spec}.
         *
         * @param dir the project file's directory, for files the declaration names
         * @throws KeyProblem naming the key of {@code spec} that is wrong
         */
        GuardrailMetric build(String name, JsonNode spec, Path dir);
    }

    /** A declaration that cannot make a metric, at one of its keys. */
    public static final class KeyProblem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;

        KeyProblem(String key, String message) {
            super(message);
            this.key = key;
        }

        /** The key of the declaration ({@code pattern}), or empty for the declaration itself. */
        public String key() {
            return key;
        }
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "regex", MetricKinds::regex,
            "contains", MetricKinds::contains,
            "json_schema", MetricKinds::jsonSchema,
            "pii", MetricKinds::pii);

    /** The keys every declaration may have beside those of its kind. */
    private static final Set<String> COMMON = Set.of("kind", "threshold");

    private static final Map<String, Set<String>> KEYS = Map.of(
            "regex", Set.of("must_match", "must_not_match"),
            "contains", Set.of("all", "any", "none"),
            "json_schema", Set.of("schema", "schema_file"),
            "pii", Set.of("types"));

    private MetricKinds() {}

    /** The kinds there are. */
    public static List<String> kinds() {
        return KINDS.keySet().stream().sorted().toList();
    }

    /**
     * The metric {@code name} declared by {@code spec} (which has a {@code kind}).
     *
     * @throws KeyProblem naming the key that is wrong and what is allowed
     */
    public static GuardrailMetric build(String name, JsonNode spec, Path dir) {
        String kind = spec.path("kind").asText();
        Kind k = KINDS.get(kind);
        if (k == null) {
            throw new KeyProblem("kind", "must be one of " + kinds() + ", but was: '" + kind + "'");
        }
        for (String key : (Iterable<String>) spec::fieldNames) {
            if (!COMMON.contains(key) && !KEYS.get(kind).contains(key)) {
                throw new KeyProblem(key, "is not a key of a " + kind + " metric; its keys are "
                        + KEYS.get(kind).stream().sorted().toList() + " and threshold");
            }
        }
        try {
            return k.build(name, spec, dir);
        } catch (KeyProblem e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("", e.getMessage());
        }
    }

    private static String exactlyOne(JsonNode spec, String kind, String... keys) {
        List<String> present = Arrays.stream(keys).filter(spec::has).toList();
        if (present.size() != 1) {
            throw new KeyProblem(present.isEmpty() ? "kind" : present.get(1), "a " + kind + " metric takes exactly"
                    + " one of " + Arrays.asList(keys) + ", but had " + present);
        }
        return present.get(0);
    }

    private static GuardrailMetric regex(String name, JsonNode spec, Path dir) {
        String key = exactlyOne(spec, "regex", "must_match", "must_not_match");
        Pattern pattern;
        try {
            pattern = Pattern.compile(spec.get(key).asText());
        } catch (PatternSyntaxException e) {
            throw new KeyProblem(key, "is not a Java regular expression: " + e.getDescription() + " near index "
                    + e.getIndex());
        }
        return key.equals("must_match") ? RegexMetric.mustMatch(name, pattern) : RegexMetric.mustNotMatch(name, pattern);
    }

    private static GuardrailMetric contains(String name, JsonNode spec, Path dir) {
        String key = exactlyOne(spec, "contains", "all", "any", "none");
        List<String> phrases = new ArrayList<>();
        spec.get(key).forEach(p -> phrases.add(p.asText()));
        String[] array = phrases.toArray(String[]::new);
        return switch (key) {
            case "all" -> ContainsMetric.all(name, array);
            case "any" -> ContainsMetric.any(name, array);
            default -> ContainsMetric.none(name, array);
        };
    }

    private static GuardrailMetric jsonSchema(String name, JsonNode spec, Path dir) {
        String key = exactlyOne(spec, "json_schema", "schema", "schema_file");
        String schema;
        if (key.equals("schema")) {
            schema = spec.get(key).toString();
        } else {
            Path file = dir.resolve(spec.get(key).asText());
            try {
                schema = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new KeyProblem(key, "could not read " + file + ": " + e.getClass().getSimpleName());
            }
        }
        try {
            return JsonSchemaMetric.named(name, schema);
        } catch (IllegalArgumentException e) {
            throw new KeyProblem(key, e.getMessage());
        }
    }

    private static GuardrailMetric pii(String name, JsonNode spec, Path dir) {
        if (!spec.has("types")) {
            return PiiMetric.detecting(name, PiiFinding.Type.values());
        }
        List<PiiFinding.Type> types = new ArrayList<>();
        for (JsonNode t : spec.get("types")) {
            types.add(Arrays.stream(PiiFinding.Type.values()).filter(v -> v.label().equals(t.asText())).findFirst()
                    .orElseThrow(() -> new KeyProblem("types", "must name PII types of "
                            + Arrays.stream(PiiFinding.Type.values()).map(PiiFinding.Type::label).toList()
                            + ", but one was: '" + t.asText() + "'")));
        }
        return PiiMetric.detecting(name, types.toArray(PiiFinding.Type[]::new));
    }
}
