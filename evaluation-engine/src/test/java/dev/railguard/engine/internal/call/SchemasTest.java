package dev.railguard.engine.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.railguard.api.UnitKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared unit-reply shape of prompt set v3: the reason comes before the verdict in every reply schema (providers
 * that decode in schema order then reason before they decide), and a label field exists only for a kind with labels.
 */
class SchemasTest {

    private static final UnitKind CLAIM = new UnitKind("claim", "Split.", UnitKind.Source.OUTPUT);
    private static final UnitKind SAFETY = new UnitKind("safety_chunk", "Chunk.", UnitKind.Source.OUTPUT,
            List.of("cbrn", "pii"));

    private static List<String> fields(JsonSchema schema, String array) {
        JsonArraySchema items = (JsonArraySchema) ((JsonObjectSchema) schema.rootElement()).properties().get(array);
        return List.copyOf(((JsonObjectSchema) items.items()).properties().keySet());
    }

    @Test
    void every_reply_schema_asks_for_the_reason_before_the_verdict() {
        assertThat(fields(Schemas.judgedUnits("correctness", CLAIM), "units"))
                .containsExactly("text", "reason", "verdict", "confidence");
        assertThat(fields(Schemas.holisticUnits("correctness", CLAIM), "units"))
                .containsExactly("text", "reason", "verdict", "confidence");
        assertThat(fields(Schemas.verify("correctness"), "verdicts"))
                .containsExactly("id", "reason", "verdict", "confidence");
        assertThat(fields(Schemas.verdicts(List.of("correctness")), "metrics"))
                .containsExactly("metric", "reason", "score");
    }

    @Test
    void a_label_field_exists_only_for_a_kind_with_labels_and_names_them() {
        assertThat(fields(Schemas.judgedUnits("comprehensive_safety", SAFETY), "units"))
                .containsExactly("text", "label", "reason", "verdict", "confidence");
        assertThat(fields(Schemas.partition(CLAIM), "units")).containsExactly("text");
        assertThat(fields(Schemas.partition(SAFETY), "units")).containsExactly("text", "label");
        JsonArraySchema units = (JsonArraySchema) ((JsonObjectSchema) Schemas.partition(SAFETY).rootElement())
                .properties().get("units");
        assertThat(((JsonStringSchema) ((JsonObjectSchema) units.items()).properties().get("label")).description())
                .isEqualTo("one of: cbrn, pii");
    }
}
