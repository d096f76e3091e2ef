package dev.railguard.engine.internal.call;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;

/** The JSON schemas of judge replies; one constant per reply shape. */
public final class Schemas {

    private Schemas() {}

    public static final List<String> VERDICTS = List.of("Y", "N");
    public static final List<String> CONFIDENCES = List.of("low", "medium", "high", "certain");

    /** A unit judged in the same call that found it. */
    public static final JsonObjectSchema JUDGED_UNIT = JsonObjectSchema.builder()
            .addStringProperty("text", "the unit, quoted or tightly paraphrased")
            .addStringProperty("label", "category or dimension, or empty")
            .addEnumProperty("verdict", VERDICTS)
            .addEnumProperty("confidence", CONFIDENCES)
            .addStringProperty("reason", "one short sentence")
            .required("text", "label", "verdict", "confidence", "reason")
            .additionalProperties(false)
            .build();

    /** Reply of a call that partitions and verifies: {@code {"units":[JUDGED_UNIT...]}}. */
    public static JsonSchema judgedUnits(String metric) {
        return JsonSchema.builder()
                .name("railguard_" + metric + "_units")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("units", JsonArraySchema.builder().items(JUDGED_UNIT).build())
                        .required("units")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /** Reply of a {@code super_fast} call: the same shape as {@link #judgedUnits}, under its own name. */
    public static JsonSchema holisticUnits(String metric) {
        return JsonSchema.builder()
                .name("railguard_" + metric + "_holistic")
                .rootElement(judgedUnits(metric).rootElement())
                .build();
    }

    /** A unit found by a partition call, not yet judged. */
    public static final JsonObjectSchema FOUND_UNIT = JsonObjectSchema.builder()
            .addStringProperty("text", "the unit, quoted or tightly paraphrased")
            .addStringProperty("label", "category or dimension, or empty")
            .required("text", "label")
            .additionalProperties(false)
            .build();

    /** Reply of a partition call: {@code {"units":[FOUND_UNIT...]}}. */
    public static JsonSchema partition(String kind) {
        return JsonSchema.builder()
                .name("railguard_partition_" + kind)
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("units", JsonArraySchema.builder().items(FOUND_UNIT).build())
                        .required("units")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /** One verdict on a listed unit. */
    public static final JsonObjectSchema UNIT_VERDICT = JsonObjectSchema.builder()
            .addIntegerProperty("id", "the unit's number")
            .addEnumProperty("verdict", VERDICTS)
            .addEnumProperty("confidence", CONFIDENCES)
            .addStringProperty("reason", "one short sentence")
            .required("id", "verdict", "confidence", "reason")
            .additionalProperties(false)
            .build();

    /** Reply of a verify call: {@code {"verdicts":[UNIT_VERDICT...]}}. */
    public static JsonSchema verify(String metric) {
        return JsonSchema.builder()
                .name("railguard_" + metric + "_verify")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("verdicts", JsonArraySchema.builder().items(UNIT_VERDICT).build())
                        .required("verdicts")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /** Reply of the {@code ultra_fast} call: {@code {"metrics":[{"metric","score","reason"}...]}}. */
    public static JsonSchema verdicts(List<String> metrics) {
        return JsonSchema.builder()
                .name("railguard_verdicts")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("metrics", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                                .addEnumProperty("metric", metrics)
                                .addNumberProperty("score", "0.0 to 1.0")
                                .addStringProperty("reason", "one short sentence")
                                .required("metric", "score", "reason")
                                .additionalProperties(false)
                                .build()).build())
                        .required("metrics")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /**
     * Reply of the call that writes a metric's evaluation steps (G-Eval): {@code {"steps":[string...]}}, the reasoning
     * the judge did first in {@code "considerations"}.
     */
    public static JsonSchema evaluationSteps() {
        return JsonSchema.builder()
                .name("railguard_evaluation_steps")
                .rootElement(JsonObjectSchema.builder()
                        .addStringProperty("considerations", "what the criteria ask for and what is easy to miss")
                        .addProperty("steps", JsonArraySchema.builder().items(JsonStringSchema.builder().build())
                                .build())
                        .required("considerations", "steps")
                        .additionalProperties(false)
                        .build())
                .build();
    }
}
