package dev.railguard.format.internal;

import static dev.railguard.format.internal.StrictJson.get;
import static dev.railguard.format.internal.StrictJson.text;
import static dev.railguard.format.internal.StrictJson.wrong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.Capability;
import dev.railguard.api.RunMode;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top-level fields of a DeepRails event, each with the entries that take it, how it is read and how it is
 * written: the one table of the codec. Adding a field is one constant here (and, when it carries new data, one
 * component of {@code DeepRailsEvent} and of {@link EventDraft}).
 */
enum EventFields {
    MODEL_INPUT("model_input", all(), (n, d) -> d.modelInput = ModelInputFields.read(n, d),
            (e, o) -> o.set("model_input", ModelInputFields.write(e.modelInput()))),
    MODEL_OUTPUT("model_output", all(), (n, d) -> d.modelOutput = text(n, "model_output", "model_output"),
            (e, o) -> o.put("model_output", e.modelOutput())),
    MODEL_USED("model_used", all(), (n, d) -> d.modelUsed = text(n, "model_used", "model_used"),
            (e, o) -> putText(o, "model_used", e.modelUsed())),
    RUN_MODE("run_mode", all(), EventFields::runMode,
            (e, o) -> putText(o, "run_mode", e.runMode() == null ? null : e.runMode().wireName())),
    NAMETAG("nametag", all(), (n, d) -> d.nametag = text(n, "nametag", "nametag"),
            (e, o) -> putText(o, "nametag", e.nametag())),
    GUARDRAIL_METRICS("guardrail_metrics", of(DeepRailsEntry.MONITOR_BODY, DeepRailsEntry.BATCH_LINE, DeepRailsEntry.LABELLED_CASE),
            MetricFields::read, MetricFields::write),
    WEB_SEARCH("web_search", of(DeepRailsEntry.MONITOR_BODY, DeepRailsEntry.BATCH_LINE, DeepRailsEntry.LABELLED_CASE),
            (n, d) -> flag(n, "web_search", Capability.WEB_SEARCH, d),
            (e, o) -> putFlag(o, "web_search", e.capabilities().contains(Capability.WEB_SEARCH))),
    CONTEXT_AWARENESS("context_awareness", of(DeepRailsEntry.MONITOR_BODY, DeepRailsEntry.BATCH_LINE, DeepRailsEntry.LABELLED_CASE),
            (n, d) -> flag(n, "context_awareness", Capability.CONTEXT_AWARENESS, d),
            (e, o) -> putFlag(o, "context_awareness", e.capabilities().contains(Capability.CONTEXT_AWARENESS))),
    FILE_SEARCH("file_search", of(DeepRailsEntry.MONITOR_BODY, DeepRailsEntry.BATCH_LINE, DeepRailsEntry.LABELLED_CASE), EventFields::fileSearch,
            EventFields::writeFileSearch),
    CAPABILITIES("capabilities", of(DeepRailsEntry.BATCH_LINE, DeepRailsEntry.LABELLED_CASE), EventFields::capabilities, (e, o) -> { }),
    ID("id", of(DeepRailsEntry.BATCH_LINE, DeepRailsEntry.LABELLED_CASE), EventFields::id, (e, o) -> putText(o, "id", e.id()));

    /** Reads a field from the event object into the draft. */
    interface Reader {
        void read(JsonNode event, EventDraft draft);
    }

    /** Writes a field of the event into the object; writes nothing when the field is absent. */
    interface Writer {
        void write(DeepRailsEvent event, ObjectNode out);
    }

    final String key;
    final Set<DeepRailsEntry> entries;
    final Reader reader;
    final Writer writer;

    EventFields(String key, Set<DeepRailsEntry> entries, Reader reader, Writer writer) {
        this.key = key;
        this.entries = entries;
        this.reader = reader;
        this.writer = writer;
    }

    /** The keys {@code entry} allows. */
    static Set<String> keys(DeepRailsEntry entry) {
        Set<String> keys = new TreeSet<>();
        for (EventFields f : values()) {
            if (f.entries.contains(entry)) {
                keys.add(f.key);
            }
        }
        keys.addAll(entry.callerKeys());
        return keys;
    }

    private static Set<DeepRailsEntry> all() {
        return EnumSet.allOf(DeepRailsEntry.class);
    }

    private static Set<DeepRailsEntry> of(DeepRailsEntry first, DeepRailsEntry... rest) {
        return EnumSet.of(first, rest);
    }

    private static void runMode(JsonNode n, EventDraft d) {
        String name = text(n, "run_mode", "run_mode");
        if (name != null) {
            try {
                d.runMode = RunMode.fromWireName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("run_mode must be one of " + RunMode.wireNames() + ", but was: '"
                        + name + "'");
            }
        }
    }

    private static void flag(JsonNode n, String key, Capability capability, EventDraft d) {
        if (StrictJson.bool(n, key, key, false)) {
            d.capabilities.add(capability);
        }
    }

    private static void fileSearch(JsonNode n, EventDraft d) {
        JsonNode files = get(n, "file_search");
        if (files == null) {
            return;
        }
        if (files.isBoolean()) {
            if (files.booleanValue()) {
                d.capabilities.add(Capability.FILE_SEARCH);
            }
        } else if (files.isArray()) {
            for (int i = 0; i < files.size(); i++) {
                JsonNode id = files.get(i);
                if (!id.isTextual() || id.textValue().isBlank() || id.textValue().contains(",")) {
                    throw wrong("file_search[" + i + "]", "a file id (a non-blank string without commas)", id);
                }
                d.fileIds.add(id.textValue().strip());
            }
            if (!d.fileIds.isEmpty()) {
                d.capabilities.add(Capability.FILE_SEARCH);
            }
        } else {
            throw wrong("file_search", "a list of file ids or a boolean", files);
        }
    }

    private static void writeFileSearch(DeepRailsEvent e, ObjectNode o) {
        if (!e.fileIds().isEmpty()) {
            ArrayNode a = o.putArray("file_search");
            e.fileIds().forEach(a::add);
        } else {
            putFlag(o, "file_search", e.capabilities().contains(Capability.FILE_SEARCH));
        }
    }

    private static void capabilities(JsonNode n, EventDraft d) {
        JsonNode caps = get(n, "capabilities");
        if (caps == null) {
            return;
        }
        if (!caps.isArray()) {
            throw wrong("capabilities", "an array of capability names", caps);
        }
        for (int i = 0; i < caps.size(); i++) {
            JsonNode c = caps.get(i);
            JsonNode name = c.isObject() ? c.get("capability") : c;
            if (name == null || !name.isTextual()) {
                throw wrong("capabilities[" + i + "]", "a capability name or {\"capability\": name}, one of "
                        + Arrays.stream(Capability.values()).map(Capability::wireName).toList(), c);
            }
            d.capabilities.add(Capability.fromWireName(name.textValue()));
        }
    }

    private static void id(JsonNode n, EventDraft d) {
        JsonNode id = get(n, "id");
        if (id != null) {
            if (!id.isTextual() && !id.isIntegralNumber()) {
                throw wrong("id", "a string or an integer", id);
            }
            d.id = id.asText();
        }
    }

    static void putText(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void putFlag(ObjectNode o, String key, boolean value) {
        if (value) {
            o.put(key, true);
        }
    }

    /** {@code guardrail_metrics}: names, or (batch lines) names to thresholds. */
    private static final class MetricFields {
        private MetricFields() {}

        static void read(JsonNode n, EventDraft d) {
            JsonNode metrics = get(n, "guardrail_metrics");
            if (metrics == null) {
                return;
            }
            if (metrics.isArray()) {
                for (int i = 0; i < metrics.size(); i++) {
                    if (!metrics.get(i).isTextual()) {
                        throw wrong("guardrail_metrics[" + i + "]", "a metric name (a string)", metrics.get(i));
                    }
                    d.metrics.add(metrics.get(i).textValue());
                }
            } else if (metrics.isObject() && d.entry != DeepRailsEntry.MONITOR_BODY) {
                for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    d.metrics.add(e.getKey());
                    if (e.getValue().isNumber()) {
                        d.thresholds.put(e.getKey(), e.getValue().doubleValue());
                    } else if (!e.getValue().isNull()) {
                        throw wrong("guardrail_metrics['" + e.getKey() + "']", "a threshold number or null",
                                e.getValue());
                    }
                }
            } else {
                throw wrong("guardrail_metrics", d.entry != DeepRailsEntry.MONITOR_BODY
                        ? "an array of metric names or an object of names to thresholds"
                        : "an array of metric names", metrics);
            }
        }

        static void write(DeepRailsEvent e, ObjectNode o) {
            if (e.guardrailMetrics().isEmpty()) {
                return;
            }
            if (e.thresholds().isEmpty()) {
                ArrayNode a = o.putArray("guardrail_metrics");
                e.guardrailMetrics().forEach(a::add);
            } else {
                ObjectNode m = o.putObject("guardrail_metrics");
                for (String name : e.guardrailMetrics()) {
                    Double t = e.thresholds().get(name);
                    if (t == null) {
                        m.putNull(name);
                    } else {
                        m.put(name, t);
                    }
                }
            }
        }
    }
}
