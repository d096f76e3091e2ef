package dev.railguard.engine.internal.call;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.railguard.api.UnitKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON schemas of judge replies; one builder per reply shape.
 *
 * <p>The shared unit-reply shape (prompt set v3): {@code text}, {@code label} (only for a kind that names labels), then {@code reason} before {@code verdict} and {@code confidence}. The order is part of the
 * contract: the schema builders keep insertion order and providers that decode in schema order then write the
 * reasoning before they commit to a verdict. Templates list the fields in the same order.
 */
public final class Schemas {

    private Schemas() {}

    public static final List<String> VERDICTS = List.of("Y", "N");
    public static final List<String> CONFIDENCES = List.of("low", "medium", "high", "certain");

    /** The field description of a unit's reason: the deciding evidence first. */
    static final String REASON = "quote the deciding evidence, then say why, in one sentence";

    /** A unit of {@code kind} judged in the same call that found it. */
    static JsonObjectSchema judgedUnit(UnitKind kind) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder()
                .addStringProperty("text", "the unit, quoted; numbers, names and dates exactly as written");
        List<String> required = new ArrayList<>(List.of("text"));
        if (!kind.labels().isEmpty()) {
            b.addStringProperty("label", labels(kind));
            required.add("label");
        }
        b.addStringProperty("reason", REASON)
                .addEnumProperty("verdict", VERDICTS)
                .addEnumProperty("confidence", CONFIDENCES);
        required.addAll(List.of("reason", "verdict", "confidence"));
        return b.required(required).additionalProperties(false).build();
    }

    /** Reply of a call that partitions and verifies: {@code {"units":[unit...]}}. */
    public static JsonSchema judgedUnits(String metric, UnitKind kind) {
        return JsonSchema.builder()
                .name("railguard_" + metric + "_units")
                .rootElement(units(judgedUnit(kind)))
                .build();
    }

    /** Reply of a {@code super_fast} call: the same shape as {@link #judgedUnits}, under its own name. */
    public static JsonSchema holisticUnits(String metric, UnitKind kind) {
        return JsonSchema.builder()
                .name("railguard_" + metric + "_holistic")
                .rootElement(units(judgedUnit(kind)))
                .build();
    }

    /** A unit of {@code kind} found by a partition call, not yet judged. */
    static JsonObjectSchema foundUnit(UnitKind kind) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder()
                .addStringProperty("text", "the unit, quoted; numbers, names and dates exactly as written");
        if (kind.labels().isEmpty()) {
            return b.required("text").additionalProperties(false).build();
        }
        return b.addStringProperty("label", labels(kind)).required("text", "label").additionalProperties(false).build();
    }

    /** Reply of a partition call: {@code {"units":[unit...]}}. */
    public static JsonSchema partition(UnitKind kind) {
        return JsonSchema.builder()
                .name("railguard_partition_" + kind.name())
                .rootElement(units(foundUnit(kind)))
                .build();
    }

    /** One verdict on a listed unit: {@code id}, then the reason before the verdict. */
    public static final JsonObjectSchema UNIT_VERDICT = JsonObjectSchema.builder()
            .addIntegerProperty("id", "the unit's number")
            .addStringProperty("reason", REASON)
            .addEnumProperty("verdict", VERDICTS)
            .addEnumProperty("confidence", CONFIDENCES)
            .required("id", "reason", "verdict", "confidence")
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

    /** Reply of the {@code ultra_fast} call: {@code {"metrics":[{"metric","reason","score"}...]}}, reason first. */
    public static JsonSchema verdicts(List<String> metrics) {
        return JsonSchema.builder()
                .name("railguard_verdicts")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("metrics", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                                .addEnumProperty("metric", metrics)
                                .addStringProperty("reason", "the deciding evidence, in one short sentence")
                                .addNumberProperty("score", "0.0 to 1.0, as the metric's rubric defines it")
                                .required("metric", "reason", "score")
                                .additionalProperties(false)
                                .build()).build())
                        .required("metrics")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /** The label field's description: the kind's labels (a string, so a reply with another label is still read). */
    private static String labels(UnitKind kind) {
        return "one of: " + String.join(", ", kind.labels());
    }

    private static JsonObjectSchema units(JsonObjectSchema unit) {
        return JsonObjectSchema.builder()
                .addProperty("units", JsonArraySchema.builder().items(unit).build())
                .required("units")
                .additionalProperties(false)
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
