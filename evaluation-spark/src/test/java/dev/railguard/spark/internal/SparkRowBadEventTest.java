package dev.railguard.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.format.BadEventCases;
import dev.railguard.spark.SparkEvaluationSpec;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared table of bad DeepRails events, through the Spark-row entry (the JSON line {@code Dataset.toJSON()} makes
 * of a row, as the executor reads it): each is a skipped row whose reason is the codec's message, the same as a batch
 * line or a monitor body gets for the same mistake.
 */
class SparkRowBadEventTest {

    /** An evaluator a bad row must never reach. */
    private static final Evaluator UNREACHED = new Evaluator() {
        @Override
        public EvaluationResult evaluate(EvaluationRequest request) {
            throw new AssertionError("a bad row was evaluated");
        }

        @Override
        public EvaluationHandle submit(EvaluationRequest request) {
            throw new AssertionError("a bad row was submitted");
        }

        @Override
        public Set<String> metricNames() {
            return Set.of("x");
        }

        @Override
        public void close() {}
    };

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEventCases#arguments")
    void a_bad_row_is_skipped_with_the_codecs_message(BadEventCases.Case c) {
        SparkEvaluationSpec spec = SparkEvaluationSpec.builder().metrics("x").build();
        PartitionEvaluator.Rows rows = new PartitionEvaluator.Rows(UNREACHED, spec,
                List.of(c.apply(BadEventCases.OPEN)).iterator());

        Row row = rows.next();

        assertThat(row.<String>getAs("status")).isEqualTo(ResultRows.SKIPPED);
        assertThat(row.<String>getAs("reason")).isEqualTo(c.message());
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void a_skipped_row_keeps_the_id_the_codec_read_from_the_refused_line() {
        SparkEvaluationSpec spec = SparkEvaluationSpec.builder().build();
        PartitionEvaluator.Rows rows = new PartitionEvaluator.Rows(UNREACHED, spec, List.of(
                "{\"id\":\"row-7\",\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":1}",
                "{\"id\":42,\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\"}",
                "{\"id\":[1],\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\"}",
                "{\"_corrupt_record\":\"not json {\"}").iterator());

        List<Row> skipped = List.of(rows.next(), rows.next(), rows.next(), rows.next());

        assertThat(skipped).extracting(r -> r.<String>getAs("id"), r -> r.<String>getAs("reason")).containsExactly(
                tuple("row-7", "model_output must be a string, but was: number 1"),
                tuple("42", "guardrail_metrics names no metric and there are no default metrics"),
                tuple(null, "id must be a string or an integer, but was: array [1]"),
                tuple(null, "not valid JSON: Spark's reader put the line in _corrupt_record"));
    }
}
