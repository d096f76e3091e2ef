package dev.railguard.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.spark.internal.EvaluatorHolder;
import dev.railguard.testkit.StubOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's own retries: a task that fails after some rows does not pay for their judge calls again. */
class SparkRetryTest {

    /** Task attempts that failed on purpose (local mode: the tasks run in this JVM). */
    private static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();
    private static final int EVENTS = 12;
    private static final int ROWS_BEFORE_FAILURE = 5;

    private static SparkSession spark;
    private static StubOpenAiServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = StubOpenAiServer.start(SparkFixtures::reply);
        // local[2,2]: two threads, and a failed task is tried again once (spark.task.maxFailures = 2)
        spark = SparkFixtures.session("local[2,2]", "SparkRetryTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
        server.close();
    }

    @Test
    void a_retried_task_gets_the_replies_its_first_attempt_paid_for_from_the_shared_cache_directory()
            throws IOException {
        Path events = dir.resolve("events.jsonl");
        Files.write(events, IntStream.range(0, EVENTS).mapToObj(i -> "{\"id\": \"e" + i + "\", \"model_input\":"
                + " {\"user_prompt\": \"Question " + i + "?\"}, \"model_output\": \"Answer " + i + ".\","
                + " \"guardrail_metrics\": [\"correctness\"]}").toList());
        SparkEvaluationSpec spec = SparkFixtures.spec(server.baseUrl())
                .cacheDirectory(dir.resolve("shared-cache").toString())
                .maxInFlightPerTask(1)   // nothing in flight when the task fails: the count below is exact
                .build();

        List<Row> rows = RailguardSpark.evaluate(spark.read().json(events.toString()).coalesce(1), spec)
                .mapPartitions(new FailOnceAfter(ROWS_BEFORE_FAILURE), Encoders.row(RailguardSpark.resultSchema()))
                .collectAsList();

        assertThat(FAILED_ATTEMPTS).hasValue(1);
        assertThat(rows).hasSize(EVENTS).allSatisfy(r -> assertThat(r.<String>getAs("outcome")).isEqualTo("pass"));
        // one judge call per event, although the first five were evaluated twice
        assertThat(server.requests()).hasSize(EVENTS);
        int calls = 0;
        int hits = 0;
        for (Row r : rows) {
            Row usage = r.getAs("usage");
            calls += usage.<Integer>getAs("judge_calls");
            hits += usage.<Integer>getAs("cache_hits");
        }
        assertThat(hits).isEqualTo(ROWS_BEFORE_FAILURE);
        assertThat(calls).isEqualTo(EVENTS - ROWS_BEFORE_FAILURE);
    }

    /**
     * Passes rows through; the first attempt of the task fails after {@code n} rows, as an executor that dies would:
     * its evaluators (and their memory caches) are gone, only the cache directory remains.
     */
    private record FailOnceAfter(int n) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            boolean firstAttempt = TaskContext.get().attemptNumber() == 0;
            List<String> seen = new ArrayList<>();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    if (firstAttempt && seen.size() == n) {
                        FAILED_ATTEMPTS.incrementAndGet();
                        EvaluatorHolder.closeAll();
                        throw new IllegalStateException("injected task failure after " + n + " rows");
                    }
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    seen.add(r.getAs("id"));   // a typed step right after evaluate sees rows that know their schema
                    return r;
                }
            };
        }
    }
}
