package dev.railguard.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.railguard.api.Capability;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The strict schema of one batch input line (a DeepRails event plus {@code id} and {@code capabilities}): bad bytes,
 * deep nesting, unknown fields, wrong types and duplicate keys are refused naming the field, the value and what is
 * allowed. Reached through {@link BatchLines#parse}.
 */
final class InputLineParser {

    /** How deep an input line may nest; DeepRails events need four levels. */
    static final int MAX_DEPTH = 32;
    private static final ObjectMapper INPUT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The fields of an input line (a DeepRails event plus {@code id}, {@code capabilities}). */
    static final Set<String> FIELDS = new TreeSet<>(Set.of("model_input", "model_output", "model_used", "run_mode",
            "nametag", "guardrail_metrics", "capabilities", "web_search", "file_search", "context_awareness", "id"));
    /** The fields of {@code model_input}. */
    static final Set<String> INPUT_FIELDS = new TreeSet<>(Set.of("user_prompt", "system_prompt", "ground_truth",
            "context", "documents"));
    private static final Set<String> CONTEXT_FIELDS = new TreeSet<>(Set.of("role", "content"));
    private static final Set<String> DOCUMENT_FIELDS = new TreeSet<>(Set.of("name", "content"));
    /** Where {@code file_search} ids travel in {@link ModelInput#extras()}, comma-separated. */
    static final String FILE_IDS = "file_search";

    private InputLineParser() {}

    /**
     * Parses one input line.
     *
     * @param lenient an unknown field is a warning instead of an error
     * @throws IllegalArgumentException with the reason the line cannot be evaluated, naming the field
     */
    static BatchLines.Input parse(String line, List<String> defaultMetrics, RunMode defaultRunMode, boolean lenient) {
        JsonNode root;
        try {
            root = INPUT.readTree(line);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("the line nests JSON deeper than " + MAX_DEPTH + " levels; an event"
                    + " needs at most 4");
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m != null && m.startsWith("Duplicate field")) {
                throw new IllegalArgumentException(m.replace("Duplicate field", "duplicate field")
                        + " in the line; each field may appear once");
            }
            throw new IllegalArgumentException("not valid JSON: " + m);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a line must be a JSON object, but was: "
                    + (root == null ? "empty" : root.getNodeType().name().toLowerCase()));
        }
        checkText(root, "");
        List<String> warnings = new ArrayList<>();
        known(root, FIELDS, "", lenient, warnings);
        JsonNode in = root.get("model_input");
        if (in == null || in.isNull()) {
            throw new IllegalArgumentException("model_input is missing");
        }
        if (!in.isObject()) {
            throw new IllegalArgumentException("model_input must be an object, but was: " + type(in));
        }
        known(in, INPUT_FIELDS, "model_input.", lenient, warnings);
        ModelInput.Builder input = ModelInput.builder()
                .userPrompt(text(in, "user_prompt", "model_input.user_prompt"))
                .systemPrompt(text(in, "system_prompt", "model_input.system_prompt"))
                .groundTruth(text(in, "ground_truth", "model_input.ground_truth"));
        JsonNode context = in.get("context");
        if (context != null && !context.isNull()) {
            if (!context.isArray()) {
                throw new IllegalArgumentException("model_input.context must be an array of {role, content}, but was: "
                        + type(context));
            }
            List<ContextMessage> messages = new ArrayList<>();
            int i = 0;
            for (JsonNode m : context) {
                String path = "model_input.context[" + i++ + "]";
                if (!m.isObject()) {
                    throw new IllegalArgumentException(path + " must be an object {role, content}, but was: "
                            + describe(m));
                }
                known(m, CONTEXT_FIELDS, path + ".", lenient, warnings);
                String role = text(m, "role", path + ".role");
                String content = text(m, "content", path + ".content");
                messages.add(new ContextMessage(role == null || role.isBlank() ? "user" : role,
                        content == null ? "" : content));
            }
            input.context(messages);
        }
        JsonNode documents = in.get("documents");
        if (documents != null && !documents.isNull()) {
            if (!documents.isArray()) {
                throw new IllegalArgumentException("model_input.documents must be an array of strings, but was: "
                        + type(documents));
            }
            List<String> docs = new ArrayList<>();
            int i = 0;
            for (JsonNode d : documents) {
                String path = "model_input.documents[" + i++ + "]";
                if (d.isTextual()) {
                    docs.add(d.asText());
                } else if (d.isObject() && d.path("content").isTextual()) {
                    known(d, DOCUMENT_FIELDS, path + ".", lenient, warnings);
                    docs.add(d.get("content").asText());
                } else {
                    throw new IllegalArgumentException(path + " must be a string or {content}, but was: "
                            + describe(d));
                }
            }
            input.documents(docs);
        }
        String output = text(root, "model_output", "model_output");
        if (output == null) {
            throw new IllegalArgumentException("model_output is missing");
        }
        EvaluationRequest.Builder b = EvaluationRequest.builder().modelOutput(output)
                .modelUsed(text(root, "model_used", "model_used"))
                .nametag(text(root, "nametag", "nametag"));
        String runMode = text(root, "run_mode", "run_mode");
        b.runMode(runMode == null ? defaultRunMode : RunMode.fromWireName(runMode));
        metrics(root.get("guardrail_metrics"), defaultMetrics, b);
        JsonNode caps = root.get("capabilities");
        if (caps != null && !caps.isNull()) {
            if (!caps.isArray()) {
                throw new IllegalArgumentException("capabilities must be an array of capability names, but was: "
                        + describe(caps));
            }
            int i = 0;
            for (JsonNode c : caps) {
                String path = "capabilities[" + i++ + "]";
                JsonNode name = c.isObject() ? c.get("capability") : c;
                if (name == null || !name.isTextual()) {
                    throw new IllegalArgumentException(path + " must be a capability name or {\"capability\": name},"
                            + " one of " + capabilityNames() + ", but was: " + describe(c));
                }
                b.capabilities(Capability.fromWireName(name.asText()));
            }
        }
        for (String flag : List.of("web_search", "context_awareness")) {
            JsonNode v = root.get(flag);
            if (v != null && !v.isNull()) {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException(flag + " must be a boolean (true or false), but was: "
                            + describe(v));
                }
                if (v.booleanValue()) {
                    b.capabilities(Capability.fromWireName(flag));
                }
            }
        }
        JsonNode files = root.get("file_search");
        if (files != null && !files.isNull()) {
            if (files.isBoolean()) {
                if (files.booleanValue()) {
                    b.capabilities(Capability.FILE_SEARCH);
                }
            } else if (files.isArray()) {
                List<String> ids = new ArrayList<>();
                int i = 0;
                for (JsonNode id : files) {
                    if (!id.isTextual() || id.asText().isBlank() || id.asText().contains(",")) {
                        throw new IllegalArgumentException("file_search[" + i + "] must be a file id (a non-blank"
                                + " string without commas), but was: " + describe(id));
                    }
                    ids.add(id.asText().strip());
                    i++;
                }
                if (!ids.isEmpty()) {
                    b.capabilities(Capability.FILE_SEARCH);
                    input.extra(FILE_IDS, String.join(",", ids));
                }
            } else {
                throw new IllegalArgumentException("file_search must be a list of file ids or a boolean, but was: "
                        + describe(files));
            }
        }
        JsonNode id = root.get("id");
        if (id != null && !id.isNull() && !id.isTextual() && !id.isIntegralNumber()) {
            throw new IllegalArgumentException("id must be a string or an integer, but was: " + describe(id));
        }
        b.modelInput(input.build());
        return new BatchLines.Input(b.build(), id == null || id.isNull() ? null : id.asText(), List.copyOf(warnings));
    }

    private static void metrics(JsonNode metrics, List<String> defaultMetrics, EvaluationRequest.Builder b) {
        if (metrics == null || metrics.isNull()) {
            if (defaultMetrics.isEmpty()) {
                throw new IllegalArgumentException("guardrail_metrics is missing and the batch has no default metrics");
            }
            b.metrics(defaultMetrics);
        } else if (metrics.isArray()) {
            List<String> names = new ArrayList<>();
            int i = 0;
            for (JsonNode m : metrics) {
                if (!m.isTextual()) {
                    throw new IllegalArgumentException("guardrail_metrics[" + i + "] must be a metric name (a string),"
                            + " but was: " + describe(m));
                }
                names.add(m.asText());
                i++;
            }
            b.metrics(names);
        } else if (metrics.isObject()) {
            // {"correctness": 0.9, "completeness": null}: names with optional thresholds
            List<String> names = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                names.add(e.getKey());
                if (e.getValue().isNumber()) {
                    b.threshold(e.getKey(), e.getValue().asDouble());
                } else if (!e.getValue().isNull()) {
                    throw new IllegalArgumentException("guardrail_metrics['" + e.getKey()
                            + "'] must be a threshold number or null, but was: " + describe(e.getValue()));
                }
            }
            b.metrics(names);
        } else {
            throw new IllegalArgumentException("guardrail_metrics must be an array of metric names, but was: "
                    + describe(metrics));
        }
    }

    /** Refuses (or, lenient, warns about) a field of {@code node} not in {@code allowed}. */
    private static void known(JsonNode node, Set<String> allowed, String prefix, boolean lenient,
            List<String> warnings) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String message = "unknown field '" + prefix + name + "'; the fields allowed here are " + allowed;
                if (!lenient) {
                    throw new IllegalArgumentException(message);
                }
                warnings.add(message + " (ignored: lenient)");
            }
        }
    }

    /** Refuses a text anywhere in the line that holds a lone surrogate or a NUL character. */
    private static void checkText(JsonNode node, String path) {
        if (node.isTextual()) {
            String s = node.textValue();
            int at = BatchInput.loneSurrogate(s);
            if (at >= 0) {
                throw new IllegalArgumentException((path.isEmpty() ? "a text" : path) + " holds a lone surrogate"
                        + String.format(" (\\u%04x)", (int) s.charAt(at)) + " at index " + at
                        + "; text must be valid Unicode (surrogates only in pairs)");
            }
            int nul = s.indexOf('\u0000');
            if (nul >= 0) {
                throw new IllegalArgumentException((path.isEmpty() ? "a text" : path) + " holds a NUL character at"
                        + " index " + nul + "; text may not contain \\u0000");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (BatchInput.loneSurrogate(e.getKey()) >= 0 || e.getKey().indexOf('\u0000') >= 0) {
                    throw new IllegalArgumentException("a field name under '" + path + "' holds a lone surrogate or"
                            + " a NUL character; names must be valid Unicode");
                }
                checkText(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String capabilityNames() {
        return java.util.Arrays.stream(Capability.values()).map(Capability::wireName).toList().toString();
    }

    /** The type and, when short, the value of {@code n}: {@code string "yes"}. */
    private static String describe(JsonNode n) {
        String v = n.toString();
        return type(n) + (n.isContainerNode() && v.length() > 40 ? "" : " " + (v.length() > 80
                ? v.substring(0, 80) + "..." : v));
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(path + " must be a string, but was: " + describe(v));
        }
        return v.asText();
    }

    private static String type(JsonNode n) {
        return n.getNodeType().name().toLowerCase();
    }
}
