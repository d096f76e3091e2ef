package dev.railguard.batch;

import dev.railguard.format.DeepRailsField;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which columns of an arbitrary table hold the parts of an event, for tables that are not shaped like DeepRails
 * events. Only {@link Builder#output} is required; a request also needs a user or system prompt, and the metrics
 * decide what else (ground truth, documents). Text columns must be strings; {@code documents} a string or an array
 * of strings; {@code id} any atomic type (it is cast to a string).
 *
 * <pre>{@code
 * ColumnMapping.builder().id("request_id").userPrompt("question").output("answer")
 *         .documents("retrieved_passages").groundTruth("expected").build()
 * }</pre>
 */
public final class ColumnMapping implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The event field each column becomes, by field name of the DeepRails event shape. */
    private final LinkedHashMap<String, String> columns;

    private ColumnMapping(LinkedHashMap<String, String> columns) {
        this.columns = columns;
    }

    /** A mapping to fill in. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The mapped columns by event field: {@code id}, {@code user_prompt}, {@code system_prompt}, {@code ground_truth},
     * {@code documents}, {@code model_output}, {@code model_used}, {@code nametag}, in that order, only those set.
     */
    public Map<String, String> columns() {
        return java.util.Collections.unmodifiableMap(columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && m.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnMapping" + columns;
    }

    /** Collects the column names. */
    public static final class Builder {
        private final LinkedHashMap<String, String> columns = new LinkedHashMap<>();

        private Builder() {}

        private Builder put(String field, String column) {
            Objects.requireNonNull(column, field + " column must not be null");
            if (column.isBlank()) {
                throw new IllegalArgumentException(field + " column must be a column name, but was blank");
            }
            columns.put(field, column);
            return this;
        }

        /** The column echoed as {@code id} in the results, for joining them back. */
        public Builder id(String column) {
            return put(DeepRailsField.ID.key(), column);
        }

        /** The user prompt (a string column). */
        public Builder userPrompt(String column) {
            return put(DeepRailsField.USER_PROMPT.key(), column);
        }

        /** The system prompt (a string column). */
        public Builder systemPrompt(String column) {
            return put(DeepRailsField.SYSTEM_PROMPT.key(), column);
        }

        /** The reference answer (a string column), needed by {@code ground_truth_adherence}. */
        public Builder groundTruth(String column) {
            return put(DeepRailsField.GROUND_TRUTH.key(), column);
        }

        /** The context documents: a string column (one document) or an array of strings. */
        public Builder documents(String column) {
            return put(DeepRailsField.DOCUMENTS.key(), column);
        }

        /** The output under evaluation (a string column). Required. */
        public Builder output(String column) {
            return put(DeepRailsField.MODEL_OUTPUT.key(), column);
        }

        /** The model that produced the output (a string column); it does not judge its own output. */
        public Builder modelUsed(String column) {
            return put(DeepRailsField.MODEL_USED.key(), column);
        }

        /** A tag per event (a string column), kept in the results. */
        public Builder nametag(String column) {
            return put(DeepRailsField.NAMETAG.key(), column);
        }

        /**
         * The mapping.
         *
         * @throws IllegalArgumentException when no output column is set
         */
        public ColumnMapping build() {
            if (!columns.containsKey(DeepRailsField.MODEL_OUTPUT.key())) {
                throw new IllegalArgumentException("a column mapping needs the output column: call output(column)");
            }
            if (!columns.containsKey(DeepRailsField.USER_PROMPT.key()) && !columns.containsKey(DeepRailsField.SYSTEM_PROMPT.key())) {
                throw new IllegalArgumentException("a column mapping needs a prompt column: call userPrompt(column) or"
                        + " systemPrompt(column)");
            }
            LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
            for (DeepRailsField field : List.of(DeepRailsField.ID, DeepRailsField.USER_PROMPT,
                    DeepRailsField.SYSTEM_PROMPT, DeepRailsField.GROUND_TRUTH, DeepRailsField.DOCUMENTS,
                    DeepRailsField.MODEL_OUTPUT, DeepRailsField.MODEL_USED, DeepRailsField.NAMETAG)) {
                String f = field.key();
                if (columns.containsKey(f)) {
                    ordered.put(f, columns.get(f));
                }
            }
            return new ColumnMapping(ordered);
        }
    }
}
