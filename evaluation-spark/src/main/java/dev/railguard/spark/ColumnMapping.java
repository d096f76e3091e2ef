package dev.railguard.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
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
            return put("id", column);
        }

        /** The user prompt (a string column). */
        public Builder userPrompt(String column) {
            return put("user_prompt", column);
        }

        /** The system prompt (a string column). */
        public Builder systemPrompt(String column) {
            return put("system_prompt", column);
        }

        /** The reference answer (a string column), needed by {@code ground_truth_adherence}. */
        public Builder groundTruth(String column) {
            return put("ground_truth", column);
        }

        /** The context documents: a string column (one document) or an array of strings. */
        public Builder documents(String column) {
            return put("documents", column);
        }

        /** The output under evaluation (a string column). Required. */
        public Builder output(String column) {
            return put("model_output", column);
        }

        /** The model that produced the output (a string column); it does not judge its own output. */
        public Builder modelUsed(String column) {
            return put("model_used", column);
        }

        /** A tag per event (a string column), kept in the results. */
        public Builder nametag(String column) {
            return put("nametag", column);
        }

        /**
         * The mapping.
         *
         * @throws IllegalArgumentException when no output column is set
         */
        public ColumnMapping build() {
            if (!columns.containsKey("model_output")) {
                throw new IllegalArgumentException("a column mapping needs the output column: call output(column)");
            }
            if (!columns.containsKey("user_prompt") && !columns.containsKey("system_prompt")) {
                throw new IllegalArgumentException("a column mapping needs a prompt column: call userPrompt(column) or"
                        + " systemPrompt(column)");
            }
            LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
            for (String f : new String[] {"id", "user_prompt", "system_prompt", "ground_truth", "documents",
                    "model_output", "model_used", "nametag"}) {
                if (columns.containsKey(f)) {
                    ordered.put(f, columns.get(f));
                }
            }
            return new ColumnMapping(ordered);
        }
    }
}
