package dev.railguard.spark.internal;

import dev.railguard.format.DeepRailsField;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import dev.railguard.batch.ColumnMapping;
import dev.railguard.spark.SparkEvaluationSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * On the driver: turns the events into JSON lines of the DeepRails event shape, the format batch files use, so the
 * executors parse them with the batch parser ({@code BatchLines}) and nothing else. Checks the columns at once.
 */
public final class EventShape {

    private EventShape() {}

    /**
     * The events as JSON lines (null fields left out).
     *
     * @throws IllegalArgumentException naming the column, its type and what is allowed, when the table cannot hold
     *                                  events
     */
    public static Dataset<String> json(Dataset<Row> events, SparkEvaluationSpec spec) {
        if (spec.columns().isPresent()) {
            return mapped(events, spec.columns().get(), spec).toJSON();
        }
        List<String> names = Arrays.asList(events.columns());
        if (!names.contains(DeepRailsField.MODEL_INPUT.key()) && !names.contains(DeepRailsField.MODEL_OUTPUT.key())
                && !names.contains(PartitionEvaluator.CORRUPT_RECORD)) {
            throw new IllegalArgumentException("events must have the columns of DeepRails events (model_input,"
                    + " model_output, guardrail_metrics, ...) or the spec a ColumnMapping, but the columns were: "
                    + names);
        }
        return events.toJSON();
    }

    private static Dataset<Row> mapped(Dataset<Row> events, ColumnMapping mapping, SparkEvaluationSpec spec) {
        if (spec.metrics().isEmpty()) {
            throw new IllegalArgumentException("a column-mapped table names no metrics per row: set the spec's"
                    + " metrics(...)");
        }
        StructType schema = events.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        List<Column> input = new ArrayList<>();
        List<Column> top = new ArrayList<>();
        for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
            String field = e.getKey();
            String column = e.getValue();
            if (!names.contains(column)) {
                throw new IllegalArgumentException("column mapping: the " + field + " column '" + column
                        + "' is not in the table; its columns are " + names);
            }
            DataType type = schema.apply(column).dataType();
            Column c = col(quoted(column));
            Column value;
            if (field.equals(DeepRailsField.ID.key())) {
                if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
                    throw new IllegalArgumentException("column mapping: the id column '" + column + "' must be of an"
                            + " atomic type (string, number, ...), but was " + type.simpleString());
                }
                value = c.cast(DataTypes.StringType);
            } else if (field.equals(DeepRailsField.DOCUMENTS.key())) {
                if (type.equals(DataTypes.StringType)) {
                    value = array(c);
                } else if (type instanceof ArrayType a && a.elementType().equals(DataTypes.StringType)) {
                    value = c;
                } else {
                    throw new IllegalArgumentException("column mapping: the documents column '" + column + "' must be"
                            + " a string or an array of strings, but was " + type.simpleString());
                }
            } else if (type.equals(DataTypes.StringType)) {
                value = c;
            } else {
                throw new IllegalArgumentException("column mapping: the " + field + " column '" + column
                        + "' must be a string column, but was " + type.simpleString());
            }
            (inModelInput(field) ? input : top).add(value.as(field));
        }
        top.add(struct(input.toArray(Column[]::new)).as(DeepRailsField.MODEL_INPUT.key()));
        return events.select(top.toArray(Column[]::new));
    }

    private static boolean inModelInput(String key) {
        for (DeepRailsField f : DeepRailsField.values()) {
            if (f.key().equals(key)) {
                return f.inModelInput();
            }
        }
        return false;
    }

    private static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
