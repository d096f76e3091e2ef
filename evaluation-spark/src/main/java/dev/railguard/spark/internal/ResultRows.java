package dev.railguard.spark.internal;

import dev.railguard.format.DeepRailsField;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Usage;
import dev.railguard.batch.BatchLines;
import dev.railguard.format.ResultLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The result schema and the rows of evaluated and skipped events. One place for the output's field names. */
public final class ResultRows {

    /** A unit that did not pass. */
    public static final StructType UNIT = new StructType()
            .add("text", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("confidence", DataTypes.StringType)
            .add("judge", DataTypes.StringType)
            .add("reason", DataTypes.StringType);

    /** One metric of one event. */
    public static final StructType METRIC = new StructType()
            .add("verdict", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, true)
            .add("threshold", DataTypes.DoubleType, false)
            .add("rationale", DataTypes.StringType)
            .add("failing_units", new ArrayType(UNIT, false))
            .add("judge_calls", DataTypes.IntegerType, false)
            .add("cache_hits", DataTypes.IntegerType, false)
            .add("input_tokens", DataTypes.LongType, false)
            .add("output_tokens", DataTypes.LongType, false)
            .add("cost", DataTypes.DoubleType, false);

    /** What judging one event cost. */
    public static final StructType USAGE = new StructType()
            .add("judge_calls", DataTypes.IntegerType, false)
            .add("cache_hits", DataTypes.IntegerType, false)
            .add("input_tokens", DataTypes.LongType, false)
            .add("output_tokens", DataTypes.LongType, false)
            .add("cost", DataTypes.DoubleType, false)
            .add("judge_time_ms", DataTypes.LongType, false);

    /** One row per event. */
    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("event_id", DataTypes.StringType)
            .add("status", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType)
            .add("passed", DataTypes.BooleanType, false)
            .add("outcome", DataTypes.StringType, false)
            .add(DeepRailsField.NAMETAG.key(), DataTypes.StringType)
            .add(DeepRailsField.RUN_MODE.key(), DataTypes.StringType)
            .add(DeepRailsField.MODEL_USED.key(), DataTypes.StringType)
            .add("metrics", DataTypes.createMapType(DataTypes.StringType, METRIC, false), false)
            .add("usage", USAGE, false)
            .add("elapsed_ms", DataTypes.LongType, false);

    /** The status and outcome of an event that could not become a request. */
    public static final String SKIPPED = "skipped";

    private ResultRows() {}

    /** The row of an evaluated event. */
    public static Row evaluated(BatchLines.Input input, EvaluationResult result) {
        EvaluationRequest request = input.request();
        Map<String, Row> metrics = new LinkedHashMap<>();
        for (MetricResult m : result.metrics().values()) {
            metrics.put(m.metric(), metric(m));
        }
        return row(SCHEMA, input.inputId(), result.eventId(), result.status().wireName(), result.failure(),
                result.passed(), ResultLine.outcome(result), request.nametag(), result.runMode().wireName(),
                request.modelUsed(), scala(metrics), usage(result.usage()), result.elapsed().toMillis());
    }

    /** The row of an event that could not become a request, or that the evaluator refused. */
    public static Row skipped(String id, String reason) {
        return row(SCHEMA, id, null, SKIPPED, reason, false, SKIPPED, null, null, null,
                scala(Map.of()), usage(Usage.NONE), 0L);
    }

    /** The row of an event whose evaluation ended without a result (the evaluator was closed, a bug). */
    public static Row failed(String id, String eventId, String reason) {
        return row(SCHEMA, id, eventId, "failed", reason, false, "error", null, null, null,
                scala(Map.of()), usage(Usage.NONE), 0L);
    }

    private static Row metric(MetricResult m) {
        List<Row> failing = new ArrayList<>();
        for (UnitVerdict u : m.failingUnits()) {
            failing.add(row(UNIT, u.text(), u.kind(), u.label(), u.confidence().name().toLowerCase(),
                    u.judge(), u.reason()));
        }
        Usage u = m.usage();
        return row(METRIC, m.verdict().wireName(), m.score().isPresent() ? m.score().getAsDouble() : null,
                m.threshold(), m.rationale(), scala(failing), u.judgeCalls(), u.cacheHits(), u.inputTokens(),
                u.outputTokens(), u.cost());
    }

    private static Row usage(Usage u) {
        return row(USAGE, u.judgeCalls(), u.cacheHits(), u.inputTokens(), u.outputTokens(), u.cost(),
                u.judgeTime().toMillis());
    }

    /**
     * A row that knows its schema: Spark hands these very objects to a typed operation that follows (it removes the
     * serialize / deserialize pair), where {@code getAs(name)} needs the schema.
     */
    private static Row row(StructType schema, Object... values) {
        return new GenericRowWithSchema(values, schema);
    }

    private static scala.collection.immutable.Seq<Row> scala(List<Row> rows) {
        return scala.jdk.javaapi.CollectionConverters.asScala(rows).toList();
    }

    private static scala.collection.Map<String, Row> scala(Map<String, Row> map) {
        return scala.jdk.javaapi.CollectionConverters.asScala(map);
    }
}
