package dev.railguard.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.ModelInput;
import dev.railguard.format.internal.EventCodec;

/**
 * The one codec of DeepRails events: a batch line, a Spark row, a workflow or monitor body and a stored event are all
 * read and written here, under one set of rules and one wording of errors.
 *
 * <pre>{@code
 * DeepRailsEvent e = DeepRailsCodec.read(line, DeepRailsEntry.BATCH_LINE);
 * EvaluationRequest request = e.toRequest(List.of("correctness"), RunMode.FAST);
 * }</pre>
 *
 * <p>Reading is strict: bad JSON, a duplicate key, a lone surrogate or NUL in a text, a key the entry does not take and
 * a value of the wrong type are each an {@link IllegalArgumentException} naming the JSON path of the offending value
 * ({@code model_input.context[1].role}), the value and what is allowed. Which top-level keys an entry takes is
 * {@link DeepRailsEntry}'s documented option; what each key means is the same at every entry.
 */
public final class DeepRailsCodec {

    private DeepRailsCodec() {}

    /**
     * Reads one event strictly.
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public static DeepRailsEvent read(String json, DeepRailsEntry entry) {
        return EventCodec.read(json, entry, false);
    }

    /**
     * Reads one event; with {@code lenient}, an unknown key is a warning in {@link DeepRailsEvent#warnings()} instead
     * of an error (wrong types, duplicate keys and bad values are errors either way).
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public static DeepRailsEvent read(String json, DeepRailsEntry entry, boolean lenient) {
        return EventCodec.read(json, entry, lenient);
    }

    /**
     * {@code input} as the {@code model_input} object of an event, for JSON documents that embed it (the event detail
     * of workflows and monitors): the one writer of that object, as {@link #write} writes it. A codec entry point, so
     * it hands out a Jackson node.
     */
    public static ObjectNode modelInput(ModelInput input) {
        return EventCodec.modelInput(input);
    }

    /**
     * {@code event} as one line of JSON with DeepRails' keys (absent fields left out, extras sorted), which
     * {@link #read} reads back to an equal event at an entry that takes its fields.
     */
    public static String write(DeepRailsEvent event) {
        return EventCodec.write(event);
    }
}
