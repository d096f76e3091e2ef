package dev.railguard.format.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.ModelInput;
import dev.railguard.format.BadEventException;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads and writes DeepRails events through the {@link EventFields} table. */
public final class EventCodec {

    private EventCodec() {}

    /** Reads one event; see {@code DeepRailsCodec.read}. */
    public static DeepRailsEvent read(String json, DeepRailsEntry entry, boolean lenient) {
        JsonNode root;
        try {
            root = StrictJson.object(json, what(entry));
        } catch (IllegalArgumentException e) {
            throw new BadEventException(e.getMessage(), null, Set.of());
        }
        try {
            return read(root, entry, lenient);
        } catch (IllegalArgumentException e) {
            Set<String> fields = new LinkedHashSet<>();
            root.fieldNames().forEachRemaining(fields::add);
            throw new BadEventException(e.getMessage(), idOf(root, entry), fields);
        }
    }

    /**
     * The {@code id} of an event the codec refused, as the codec reads it: a string, or an integer as its text; null
     * when absent, of another type, or not taken by the entry.
     */
    private static String idOf(JsonNode root, DeepRailsEntry entry) {
        JsonNode id = StrictJson.get(root, EventFields.ID.key);
        return id != null && EventFields.ID.entries.contains(entry) && (id.isTextual() || id.isIntegralNumber())
                ? id.asText() : null;
    }

    private static DeepRailsEvent read(JsonNode root, DeepRailsEntry entry, boolean lenient) {
        EventDraft d = new EventDraft(entry, lenient ? new ArrayList<>() : null);
        StrictJson.known(root, EventFields.keys(entry), "", d.warnings);
        for (EventFields f : EventFields.values()) {
            if (f.entries.contains(entry)) {
                f.reader.read(root, d);
            }
        }
        if (d.modelOutput == null) {
            throw new IllegalArgumentException("model_output is required (the output to evaluate, a string), but was"
                    + " missing");
        }
        if (entry.equals(DeepRailsEntry.WORKFLOW_BODY) && d.modelUsed == null) {
            throw new IllegalArgumentException("model_used is required in " + what(entry) + " (the model that produced"
                    + " the output, like gpt-4o), but was missing");
        }
        return d.event();
    }

    /** Writes one event with every field it has, in the table's order. */
    public static String write(DeepRailsEvent event) {
        ObjectNode root = StrictJson.MAPPER.createObjectNode();
        for (EventFields f : EventFields.values()) {
            f.writer.write(event, root);
        }
        try {
            return StrictJson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The {@code model_input} object of {@code input}. */
    public static ObjectNode modelInput(ModelInput input) {
        return ModelInputFields.write(input);
    }

    /** What a document of {@code entry} is called in messages. */
    static String what(DeepRailsEntry entry) {
        return switch (entry) {
            case WORKFLOW_BODY -> "a workflow-event body";
            case MONITOR_BODY -> "a monitor-event body";
            case STORED_EVENT -> "a stored event";
            case BATCH_LINE -> "a line";
            case LABELLED_CASE -> "a labelled case";
        };
    }
}
