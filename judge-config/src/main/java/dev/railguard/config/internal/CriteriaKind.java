package dev.railguard.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.metrics.CriteriaMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code criteria} kind of a project file's metric: a judged metric declared in words, mapped onto
 * {@link CriteriaMetric#builder(String)}. Its {@code scale} is {@code pass_fail} (the default) or a rubric: a list
 * of sentences, one per band, from worst to best.
 */
final class CriteriaKind {

    /** The keys of a criteria declaration besides {@code kind} and {@code threshold}. */
    static final Set<String> KEYS = Set.of("criteria", "description", "scale", "unit", "inputs",
            "evaluation_steps");

    private CriteriaKind() {}

    static GuardrailMetric build(String name, JsonNode spec, Path dir) {
        CriteriaMetric.Builder b = CriteriaMetric.builder(name);
        if (spec.has("criteria")) {
            at("criteria", () -> b.criteria(spec.get("criteria").asText()));
        }
        if (spec.has("description")) {
            at("description", () -> b.description(spec.get("description").asText()));
        }
        if (spec.has("unit")) {
            at("unit", () -> b.unit(CriteriaMetric.Unit.fromName(spec.get("unit").asText())));
        }
        if (spec.has("inputs")) {
            List<CriteriaMetric.Input> inputs = new ArrayList<>();
            at("inputs", () -> spec.get("inputs").forEach(i -> inputs.add(CriteriaMetric.Input.fromName(i.asText()))));
            b.inputs(inputs.toArray(CriteriaMetric.Input[]::new));
        }
        JsonNode scale = spec.path("scale");
        if (scale.isArray()) {
            at("scale", () -> b.rubric(texts(scale)));
        } else if (!scale.isMissingNode() && !scale.asText().equals("pass_fail")) {
            throw new MetricKinds.KeyProblem("scale", "must be pass_fail or a rubric: a list of 2 to 10 sentences,"
                    + " one per band from worst to best, but was: '" + scale.asText() + "'");
        }
        if (spec.has("evaluation_steps")) {
            at("evaluation_steps", () -> b.evaluationSteps(texts(spec.get("evaluation_steps"))));
        }
        if (spec.has("threshold")) {
            at("threshold", () -> b.threshold(spec.get("threshold").asDouble()));
        }
        return b.build();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }

    /** Runs {@code step}, reporting what it refuses at {@code key}. */
    private static void at(String key, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            throw new MetricKinds.KeyProblem(key, e.getMessage());
        }
    }
}
