package dev.railguard.deeprails;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.Capability;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.MonitorEvent;
import dev.railguard.workflow.WorkflowEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * DeepRails' request and response bodies, exactly as its API has them (seeds 000 and 001): read a workflow-event or
 * monitor-event body into the library's {@link EventInput}, and write the submit responses with DeepRails' keys and
 * values ({@code event_id} {@code evt_…}, {@code workflow_id} {@code wkfl_…}, {@code monitor_id} {@code mon_…},
 * {@code created_at} in UTC ISO-8601, {@code status} {@code "In Progress"} or {@code "Completed"},
 * {@code billing_request_id} {@code bill_…}).
 *
 * <pre>{@code
 * WorkflowEvent e = workflow.submit(DeepRailsJson.readWorkflowEvent(body));
 * String response = DeepRailsJson.workflowEventResponse(e);
 * }</pre>
 *
 * <p>Reading is strict: an unknown key or a value of the wrong type is an {@link IllegalArgumentException} that names
 * the key with its path ({@code model_input.context[1].role}). Inside {@code model_input}, besides DeepRails'
 * {@code system_prompt}, {@code user_prompt}, {@code ground_truth} and {@code context}, Railguard reads its own
 * {@code documents} (strings) and {@code extras} (string values).
 */
public final class DeepRailsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Set<String> WORKFLOW_KEYS =
            Set.of("model_input", "model_output", "model_used", "run_mode", "nametag");
    private static final Set<String> MONITOR_KEYS = Set.of("model_input", "model_output", "model_used", "run_mode",
            "nametag", "guardrail_metrics", "web_search", "file_search", "context_awareness");
    private static final Set<String> MODEL_INPUT_KEYS =
            Set.of("system_prompt", "user_prompt", "ground_truth", "context", "documents", "extras");

    private DeepRailsJson() {}

    /**
     * Reads a workflow-event body ({@code POST /defend/{workflow_id}/events}): {@code model_input},
     * {@code model_output} and {@code model_used} are required, {@code run_mode} defaults to {@code fast}.
     *
     * @throws IllegalArgumentException naming the key that is missing, unknown or of the wrong type
     */
    public static EventInput readWorkflowEvent(String body) {
        ObjectNode root = object(parse(body), "the workflow-event body");
        keys(root, WORKFLOW_KEYS, "");
        if (string(root, "model_used") == null) {
            throw new IllegalArgumentException("model_used is required in a workflow-event body (the model that"
                    + " produced the output, like gpt-4o), but was missing");
        }
        return eventInput(root);
    }

    /**
     * Reads a body written by {@link #requestBody(EventInput)}: the keys of a workflow-event body, {@code model_used}
     * optional.
     *
     * @throws IllegalArgumentException naming the key that is missing, unknown or of the wrong type
     */
    public static EventInput readEventInput(String body) {
        ObjectNode root = object(parse(body), "the event body");
        keys(root, WORKFLOW_KEYS, "");
        return eventInput(root);
    }

    /**
     * Reads a monitor-event body ({@code POST /monitor/{monitor_id}/events}): {@code model_input} and
     * {@code model_output} are required; {@code model_used}, {@code run_mode}, {@code nametag},
     * {@code guardrail_metrics}, {@code web_search}, {@code file_search} and {@code context_awareness} are optional.
     *
     * @throws IllegalArgumentException naming the key that is missing, unknown or of the wrong type
     */
    public static MonitorEventRequest readMonitorEvent(String body) {
        ObjectNode root = object(parse(body), "the monitor-event body");
        keys(root, MONITOR_KEYS, "");
        EventInput input = eventInput(root);
        List<String> metrics = strings(root, "guardrail_metrics", "guardrail_metrics");
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (bool(root, "web_search")) {
            capabilities.add(Capability.WEB_SEARCH);
        }
        if (bool(root, "context_awareness")) {
            capabilities.add(Capability.CONTEXT_AWARENESS);
        }
        List<String> files = strings(root, "file_search", "file_search");
        if (!files.isEmpty()) {
            capabilities.add(Capability.FILE_SEARCH);
        }
        return new MonitorEventRequest(input, metrics, capabilities, files);
    }

    /**
     * {@code input} as a request body with DeepRails' keys, which {@link #readEventInput} (and, with a model,
     * {@link #readWorkflowEvent}) read back to an equal {@link EventInput}.
     */
    public static String requestBody(EventInput input) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("model_input", modelInput(input.modelInput()));
        root.put("model_output", input.modelOutput());
        if (input.modelUsed() != null) {
            root.put("model_used", input.modelUsed());
        }
        root.put("run_mode", input.runMode().wireName());
        if (input.nametag() != null) {
            root.put("nametag", input.nametag());
        }
        return write(root);
    }

    /** The submit response of a workflow event: {@code event_id}, {@code workflow_id}, {@code created_at},
     * {@code status}, {@code billing_request_id}. */
    public static String workflowEventResponse(WorkflowEvent event) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("event_id", event.eventId());
        root.put("workflow_id", event.workflowId());
        root.put("created_at", createdAt(event.createdAt()));
        root.put("status", status(event.status()));
        root.put("billing_request_id", billingRequestId(event.eventId()));
        return write(root);
    }

    /** The submit response of a monitor event: {@code event_id}, {@code monitor_id}, {@code created_at}. */
    public static String monitorEventResponse(MonitorEvent event) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("event_id", event.eventId());
        root.put("monitor_id", event.monitorId());
        root.put("created_at", createdAt(event.createdAt()));
        return write(root);
    }

    /**
     * DeepRails' submit status: {@code "In Progress"} while the event is queued or being evaluated,
     * {@code "Completed"} once it is over (completed, failed or canceled: the event detail says which).
     */
    public static String status(EvaluationStatus status) {
        return status.isTerminal() ? "Completed" : "In Progress";
    }

    /** {@code instant} in UTC ISO-8601 with milliseconds, for example {@code 2025-11-10T01:32:44.591Z}. */
    public static String createdAt(Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    /**
     * The {@code bill_…} id of the local usage record of event {@code evt_…} (its judge calls, tokens and cost): the
     * event id's random part with the prefix {@code bill_}.
     */
    public static String billingRequestId(String eventId) {
        Objects.requireNonNull(eventId, "eventId must not be null");
        int underscore = eventId.indexOf('_');
        return "bill_" + eventId.substring(underscore + 1);
    }

    // ---- reading ----

    private static EventInput eventInput(ObjectNode root) {
        JsonNode mi = root.get("model_input");
        if (mi == null || mi.isNull()) {
            throw new IllegalArgumentException("model_input is required (an object with at least a system_prompt"
                    + " or a user_prompt), but was missing");
        }
        ModelInput modelInput = modelInput(object(mi, "model_input"));
        String output = string(root, "model_output");
        if (output == null) {
            throw new IllegalArgumentException("model_output is required (the output to evaluate), but was missing");
        }
        String runMode = string(root, "run_mode");
        RunMode mode;
        try {
            mode = runMode == null ? RunMode.FAST : RunMode.fromWireName(runMode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run_mode must be one of " + RunMode.wireNames() + ", but was: '"
                    + runMode + "'", e);
        }
        return new EventInput(modelInput, output, string(root, "model_used"), mode, string(root, "nametag"));
    }

    private static ModelInput modelInput(ObjectNode node) {
        keys(node, MODEL_INPUT_KEYS, "model_input.");
        ModelInput.Builder b = ModelInput.builder()
                .systemPrompt(string(node, "system_prompt", "model_input.system_prompt"))
                .userPrompt(string(node, "user_prompt", "model_input.user_prompt"))
                .groundTruth(string(node, "ground_truth", "model_input.ground_truth"));
        JsonNode context = node.get("context");
        if (context != null && !context.isNull()) {
            if (!context.isArray()) {
                throw new IllegalArgumentException("model_input.context must be an array of {role, content}"
                        + " objects, but was: " + context);
            }
            List<ContextMessage> messages = new ArrayList<>();
            for (int i = 0; i < context.size(); i++) {
                String path = "model_input.context[" + i + "]";
                ObjectNode m = object(context.get(i), path);
                keys(m, Set.of("role", "content"), path + ".");
                String role = string(m, "role", path + ".role");
                String content = string(m, "content", path + ".content");
                if (role == null || role.isBlank()) {
                    throw new IllegalArgumentException(path + ".role must be a non-blank string, but was: "
                            + m.get("role"));
                }
                messages.add(ContextMessage.of(role, content == null ? "" : content));
            }
            b.context(messages);
        }
        b.documents(strings(node, "documents", "model_input.documents"));
        JsonNode extras = node.get("extras");
        if (extras != null && !extras.isNull()) {
            ObjectNode e = object(extras, "model_input.extras");
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getValue().isTextual()) {
                    throw new IllegalArgumentException("model_input.extras." + f.getKey() + " must be a string, but"
                            + " was: " + f.getValue());
                }
                b.extra(f.getKey(), f.getValue().asText());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model_input must contain at least a system_prompt or a user_prompt"
                    + " that is not blank, but had: " + fieldNames(node), e);
        }
    }

    private static JsonNode parse(String body) {
        Objects.requireNonNull(body, "body must not be null");
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, but was: " + node);
        }
        return (ObjectNode) node;
    }

    private static void keys(ObjectNode node, Set<String> allowed, String prefix) {
        for (String key : fieldNames(node)) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + prefix + key + "'; allowed: "
                        + allowed.stream().sorted().map(k -> prefix + k).toList());
            }
        }
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String string(ObjectNode node, String key) {
        return string(node, key, key);
    }

    private static String string(ObjectNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(path + " must be a string, but was: " + v);
        }
        return v.asText();
    }

    private static boolean bool(ObjectNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(key + " must be true or false, but was: " + v);
        }
        return v.asBoolean();
    }

    private static List<String> strings(ObjectNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(path + " must be an array of strings, but was: " + v);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new IllegalArgumentException(path + "[" + i + "] must be a string, but was: " + v.get(i));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    // ---- writing ----

    private static ObjectNode modelInput(ModelInput in) {
        ObjectNode n = MAPPER.createObjectNode();
        if (in.systemPrompt() != null) {
            n.put("system_prompt", in.systemPrompt());
        }
        if (in.userPrompt() != null) {
            n.put("user_prompt", in.userPrompt());
        }
        if (in.groundTruth() != null) {
            n.put("ground_truth", in.groundTruth());
        }
        if (!in.context().isEmpty()) {
            ArrayNode ctx = n.putArray("context");
            in.context().forEach(m -> ctx.addObject().put("role", m.role()).put("content", m.content()));
        }
        if (!in.documents().isEmpty()) {
            ArrayNode docs = n.putArray("documents");
            in.documents().forEach(docs::add);
        }
        if (!in.extras().isEmpty()) {
            ObjectNode extras = n.putObject("extras");
            new LinkedHashMap<>(in.extras()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> extras.put(e.getKey(), e.getValue()));
        }
        return n;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
