package dev.railguard.event.internal;

import dev.railguard.format.DeepRailsCodec;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Usage;
import dev.railguard.engine.Redaction;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON parts every kind of event writes with DeepRails' snake_case field names: model input, evaluation result,
 * usage, optional fields and instants. Each event writes its own object with these; this class knows no kind of event.
 */
public final class EventJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {}

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The event's {@code model_input}, written by the one DeepRails codec. */
    public static ObjectNode modelInput(ModelInput in) {
        return DeepRailsCodec.modelInput(in);
    }

    public static ObjectNode result(EvaluationResult r) {
        return result(r.metrics());
    }

    public static ObjectNode result(java.util.Map<String, MetricResult> metrics) {
        ObjectNode n = MAPPER.createObjectNode();
        for (MetricResult m : metrics.values()) {
            ObjectNode metric = n.putObject(m.metric());
            if (m.score().isPresent()) {
                metric.put("score", m.score().getAsDouble());
            } else {
                metric.putNull("score");
            }
            metric.put("threshold", m.threshold());
            metric.put("verdict", m.verdict().wireName());
            metric.put("rationale", m.rationale());
        }
        return n;
    }

    public static ObjectNode usage(Usage u) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("judge_calls", u.judgeCalls());
        n.put("cache_hits", u.cacheHits());
        n.put("input_tokens", u.inputTokens());
        n.put("output_tokens", u.outputTokens());
        return n;
    }

    public static void putNullable(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    public static void putInstant(ObjectNode n, String field, Instant value) {
        if (value != null) {
            n.put(field, value.toString());
        }
    }

    /** {@code n} as one line of JSON, every text redacted ({@link Redaction}): what event exports write. */
    public static String write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(redacted(n));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode redacted(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isTextual()) {
            String r = Redaction.redact(node.textValue());
            return r.equals(node.textValue()) ? node : MAPPER.getNodeFactory().textNode(r);
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), redacted(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(c -> copy.add(redacted(c)));
            return copy;
        }
        return node;
    }
}
