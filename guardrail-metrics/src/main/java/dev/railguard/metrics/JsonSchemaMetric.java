package dev.railguard.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import dev.railguard.metrics.internal.json.OutputJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code json_schema}: an offline check that the output is one well-formed JSON value and, for instances made with
 * {@link #named(String, String)}, that it conforms to a JSON Schema (validated by networknt's json-schema-validator;
 * the schema's {@code $schema} picks the draft, 2020-12 when it has none).
 * <ul>
 * <li>The registered default instance, {@code json_schema}, checks well-formedness only.</li>
 * <li>Unit: each violation, with its location in the output's JSON (for example {@code $.items[0].qty}); a parse error
 * is one unit with its line and column.</li>
 * <li>An output wrapped in one Markdown code fence ({@code ```json ... ```}) is read inside the fence, with an INFO
 * diagnostic: models do that even when told not to, and the content is what a caller would parse.</li>
 * <li>Score: 1.0 when valid, else 0.0. Default threshold 1.0.</li>
 * </ul>
 *
 * <pre>{@code
 * MetricRegistry metrics = MetricRegistry.installed()
 *     .with(JsonSchemaMetric.named("order_json", """
 *         {"type":"object","required":["sku","qty"],
 *          "properties":{"sku":{"type":"string"},"qty":{"type":"integer","minimum":1}}}"""));
 * }</pre>
 */
public final class JsonSchemaMetric extends OfflineCheck {

    /** The name of the default, well-formedness-only instance. */
    public static final String NAME = "json_schema";

    private static final ObjectMapper JSON = OutputJson.JSON;

    private final JsonSchema schema;

    /** The default {@code json_schema} check: well-formed JSON, no schema (also used by {@link java.util.ServiceLoader}). */
    public JsonSchemaMetric() {
        super(NAME, "Whether the output is well-formed JSON (offline, no judge).", 1.0);
        this.schema = null;
    }

    private JsonSchemaMetric(String name, JsonSchema schema) {
        super(name, "Whether the output is JSON that conforms to the given JSON Schema (offline, no judge).", 1.0);
        this.schema = schema;
    }

    /**
     * A check named {@code name} that the output conforms to {@code schemaJson}; register it with
     * {@code MetricRegistry.with(...)}.
     *
     * @throws IllegalArgumentException if {@code name} is not snake_case or {@code schemaJson} is not a JSON schema
     */
    public static JsonSchemaMetric named(String name, String schemaJson) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(schemaJson, "schema must not be null");
        JsonNode node;
        try {
            node = JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema of '" + name + "' must be JSON, but could not be parsed: "
                    + e.getOriginalMessage());
        }
        if (node == null || !(node.isObject() || node.isBoolean())) {
            throw new IllegalArgumentException("schema of '" + name + "' must be a JSON object or boolean, but was: "
                    + abbreviate(schemaJson));
        }
        JsonSchema schema;
        SpecVersion.VersionFlag version = SpecVersionDetector.detectOptionalVersion(node, false)
                .orElse(SpecVersion.VersionFlag.V202012);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version);
        List<String> invalid;
        try {
            // checked against its meta-schema: a schema with a typo ("type": "strin") would otherwise fail every output
            invalid = factory.getSchema(com.networknt.schema.SchemaLocation.of(version.getId())).validate(node)
                    .stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).sorted().toList();
            schema = factory.getSchema(node);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schema of '" + name + "' is not a valid JSON schema: " + e.getMessage());
        }
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("schema of '" + name + "' is not a valid JSON schema ("
                    + version.getId() + "): " + String.join("; ", invalid.subList(0, Math.min(5, invalid.size())))
                    + (invalid.size() > 5 ? "; and " + (invalid.size() - 5) + " more" : ""));
        }
        return new JsonSchemaMetric(name, schema);
    }

    /** Whether this instance checks a schema (false for the well-formedness-only default). */
    public boolean hasSchema() {
        return schema != null;
    }

    @Override
    protected MetricResult check(EvaluationRequest request, double threshold) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        OutputJson.Read read = OutputJson.read(request.modelOutput());
        if (read.fenced()) {
            diagnostics.add(Diagnostic.info(OutputJson.FENCED));
        }
        if (read.value() == null) {
            String reason = read.error();
            String rationale = reason.startsWith("the output is empty") ? "The output is empty, which is not JSON."
                    : "The output is " + reason + ".";
            return result(0.0, threshold, rationale, List.of(unit(abbreviate(read.text()), "parse_error", false,
                    reason)), diagnostics);
        }
        JsonNode value = read.value();
        if (schema == null) {
            return result(1.0, threshold, "The output is well-formed JSON (" + value.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ").", List.of(), diagnostics);
        }
        List<ValidationMessage> violations = schema.validate(value).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> String.valueOf(m.getInstanceLocation()))
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
        if (violations.isEmpty()) {
            return result(1.0, threshold, "The output is JSON that conforms to the schema.", List.of(), diagnostics);
        }
        List<UnitVerdict> units = new ArrayList<>();
        for (ValidationMessage v : violations) {
            units.add(unit(String.valueOf(v.getInstanceLocation()), v.getType() == null ? "" : v.getType(), false,
                    v.getMessage()));
        }
        return result(0.0, threshold, "The output does not conform to the schema: " + violations.size()
                + " violation" + (violations.size() == 1 ? "" : "s") + ": "
                + violations.stream().limit(5).map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                + (violations.size() > 5 ? "; ..." : "") + ".", units, diagnostics);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
