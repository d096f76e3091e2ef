package dev.railguard.engine;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;

/** The JSON schemas of judge replies; one constant per reply shape. */
final class Schemas {

    private Schemas() {}

    static final List<String> VERDICTS = List.of("Y", "N");
    static final List<String> CONFIDENCES = List.of("low", "medium", "high", "certain");

    /** A unit judged in the same call that found it. */
    static final JsonObjectSchema JUDGED_UNIT = JsonObjectSchema.builder()
            .addStringProperty("text", "the unit, quoted or tightly paraphrased")
            .addStringProperty("label", "category or dimension, or empty")
            .addEnumProperty("verdict", VERDICTS)
            .addEnumProperty("confidence", CONFIDENCES)
            .addStringProperty("reason", "one short sentence")
            .required("text", "label", "verdict", "confidence", "reason")
            .additionalProperties(false)
            .build();

    /** Reply of a call that partitions and verifies: {@code {"units":[JUDGED_UNIT...]}}. */
    static JsonSchema judgedUnits(String metric) {
        return JsonSchema.builder()
                .name("railguard_" + metric + "_units")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("units", JsonArraySchema.builder().items(JUDGED_UNIT).build())
                        .required("units")
                        .additionalProperties(false)
                        .build())
                .build();
    }
}
