package dev.railguard.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.metrics.ContainsMetric;
import dev.railguard.metrics.DefaultThresholds;
import dev.railguard.metrics.JsonSchemaMetric;
import dev.railguard.metrics.PiiFinding;
import dev.railguard.metrics.PiiMetric;
import dev.railguard.metrics.RegexMetric;
import dev.railguard.metrics.reference.BleuMetric;
import dev.railguard.metrics.reference.ChrfMetric;
import dev.railguard.metrics.reference.ExactMatchMetric;
import dev.railguard.metrics.reference.JsonEqualsMetric;
import dev.railguard.metrics.reference.LevenshteinMetric;
import dev.railguard.metrics.reference.NumericMatchMetric;
import dev.railguard.metrics.reference.RougeLMetric;
import dev.railguard.metrics.reference.TokenF1Metric;
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

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("regex", MetricKinds::regex),
            Map.entry("contains", MetricKinds::contains),
            Map.entry("json_schema", MetricKinds::jsonSchema),
            Map.entry("pii", MetricKinds::pii),
            Map.entry("criteria", CriteriaKind::build),
            Map.entry(ExactMatchMetric.NAME, (n, s, d) -> ExactMatchMetric.of(n, threshold(s, ExactMatchMetric.NAME))),
            Map.entry(TokenF1Metric.NAME, (n, s, d) -> TokenF1Metric.of(n, threshold(s, TokenF1Metric.NAME))),
            Map.entry(RougeLMetric.NAME, (n, s, d) -> RougeLMetric.of(n, threshold(s, RougeLMetric.NAME))),
            Map.entry(BleuMetric.NAME, (n, s, d) -> BleuMetric.of(n, threshold(s, BleuMetric.NAME))),
            Map.entry(JsonEqualsMetric.NAME, (n, s, d) -> JsonEqualsMetric.of(n, threshold(s, JsonEqualsMetric.NAME))),
            Map.entry(ChrfMetric.NAME, (n, s, d) -> ChrfMetric.of(n, threshold(s, ChrfMetric.NAME),
                    s.path("char_order").asInt(6), s.path("word_order").asInt(0), s.path("beta").asDouble(2))),
            Map.entry(LevenshteinMetric.NAME, (n, s, d) -> LevenshteinMetric.of(n, threshold(s, LevenshteinMetric.NAME),
                    s.path("ignore_case").asBoolean(false))),
            Map.entry(NumericMatchMetric.NAME, (n, s, d) -> NumericMatchMetric.of(n,
                    threshold(s, NumericMatchMetric.NAME), s.path("relative_tolerance").asDouble(0),
                    s.path("absolute_tolerance").asDouble(0))));

    /** The keys every declaration may have beside those of its kind. */
    private static final Set<String> COMMON = Set.of("kind", "threshold");

    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("regex", Set.of("must_match", "must_not_match")),
            Map.entry("contains", Set.of("all", "any", "none")),
            Map.entry("json_schema", Set.of("schema", "schema_file")),
            Map.entry("pii", Set.of("types", "phone_regions", "min_score")),
            Map.entry("criteria", CriteriaKind.KEYS),
            Map.entry(ExactMatchMetric.NAME, Set.of()),
            Map.entry(TokenF1Metric.NAME, Set.of()),
            Map.entry(RougeLMetric.NAME, Set.of()),
            Map.entry(BleuMetric.NAME, Set.of()),
            Map.entry(JsonEqualsMetric.NAME, Set.of()),
            Map.entry(ChrfMetric.NAME, Set.of("char_order", "word_order", "beta")),
            Map.entry(LevenshteinMetric.NAME, Set.of("ignore_case")),
            Map.entry(NumericMatchMetric.NAME, Set.of("relative_tolerance", "absolute_tolerance")));

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
                throw new KeyProblem(key, "is not a key of kind " + kind + (KEYS.get(kind).isEmpty()
                        ? "; its only key is threshold"
                        : "; its keys are " + KEYS.get(kind).stream().sorted().toList() + " and threshold"));
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

    /** The declaration's {@code threshold}, or the default of the metric {@code builtIn}. */
    private static double threshold(JsonNode spec, String builtIn) {
        return spec.has("threshold") ? spec.get("threshold").asDouble() : DefaultThresholds.of(builtIn);
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
        PiiMetric.Builder pii = PiiMetric.builder().name(name).types(PiiFinding.Type.values());
        if (spec.has("types")) {
            List<PiiFinding.Type> types = new ArrayList<>();
            for (JsonNode t : spec.get("types")) {
                types.add(Arrays.stream(PiiFinding.Type.values()).filter(v -> v.label().equals(t.asText()))
                        .findFirst().orElseThrow(() -> new KeyProblem("types", "must name PII types of "
                                + Arrays.stream(PiiFinding.Type.values()).map(PiiFinding.Type::label).toList()
                                + ", but one was: '" + t.asText() + "'")));
            }
            pii.types(types.toArray(PiiFinding.Type[]::new));
        }
        if (spec.has("phone_regions")) {
            List<String> regions = new ArrayList<>();
            spec.get("phone_regions").forEach(r -> regions.add(r.asText()));
            try {
                pii.phoneRegions(regions.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new KeyProblem("phone_regions", e.getMessage().replace("phoneRegions ", ""));
            }
        }
        if (spec.has("min_score")) {
            pii.minScore(spec.get("min_score").asDouble());
        }
        return pii.build();
    }
}
