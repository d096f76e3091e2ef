package dev.railguard.spark.internal;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evaluator;
import dev.railguard.batch.BatchLines;
import dev.railguard.format.BadEventException;
import dev.railguard.spark.SparkEvaluationSpec;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Evaluates one partition of events (JSON lines of the DeepRails event shape, as batch files hold them) on the
 * executor's shared evaluator: up to {@link SparkEvaluationSpec#maxInFlightPerTask()} events are submitted at once
 * and rows come out in completion order. A line that cannot become a request is a SKIPPED row; a task that ends
 * early (failure, kill, speculation lost) cancels what it still has in flight.
 */
public final class PartitionEvaluator implements MapPartitionsFunction<String, Row> {

    private static final long serialVersionUID = 1L;

    /** The column Spark's JSON reader fills, in PERMISSIVE mode, with a line it could not parse. */
    static final String CORRUPT_RECORD = "_corrupt_record";

    private final SparkEvaluationSpec spec;

    /** A function that evaluates with {@code spec}'s evaluator of the JVM it runs in. */
    public PartitionEvaluator(SparkEvaluationSpec spec) {
        this.spec = spec;
    }

    @Override
    public Iterator<Row> call(Iterator<String> lines) {
        Rows rows = new Rows(EvaluatorHolder.evaluator(spec), spec, lines);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> rows.cancelInFlight());
        }
        return rows;
    }

    /** The rows of one partition, pulled by Spark; submission happens on the task thread as rows are asked for. */
    static final class Rows implements Iterator<Row> {
        private final Evaluator evaluator;
        private final SparkEvaluationSpec spec;
        private final Iterator<String> lines;
        private final LinkedBlockingQueue<Row> ready = new LinkedBlockingQueue<>();
        private final Set<EvaluationHandle> inFlight = ConcurrentHashMap.newKeySet();
        private int pending; // submitted or skipped, not yet returned; task thread only

        Rows(Evaluator evaluator, SparkEvaluationSpec spec, Iterator<String> lines) {
            this.evaluator = evaluator;
            this.spec = spec;
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            while (pending < spec.maxInFlightPerTask() && lines.hasNext()) {
                pending++;
                start(lines.next());
            }
            return pending > 0;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more events in this partition");
            }
            try {
                Row row = ready.take();
                pending--;
                return row;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelInFlight();
                throw new IllegalStateException("the task was interrupted while events were being evaluated", e);
            }
        }

        private void start(String line) {
            BatchLines.Input input;
            try {
                input = withSpecThresholds(BatchLines.parse(line, spec.metrics(), spec.runMode()));
            } catch (BadEventException e) {
                ready.add(ResultRows.skipped(e.id(), reason(e)));
                return;
            } catch (IllegalArgumentException | NullPointerException e) {
                ready.add(ResultRows.skipped(null, e.getMessage() == null ? e.toString() : e.getMessage()));
                return;
            }
            EvaluationHandle handle;
            try {
                handle = evaluator.submit(input.request());
            } catch (IllegalArgumentException | NullPointerException e) {
                ready.add(ResultRows.skipped(input.inputId(), e.getMessage()));
                return;
            }
            inFlight.add(handle);
            handle.result().whenComplete((result, failure) -> {
                inFlight.remove(handle);
                ready.add(failure == null ? ResultRows.evaluated(input, result)
                        : ResultRows.failed(input.inputId(), handle.eventId(), "the evaluation could not run: "
                                + failure));
            });
        }

        private BatchLines.Input withSpecThresholds(BatchLines.Input input) {
            EvaluationRequest r = input.request();
            if (spec.thresholds().isEmpty()) {
                return input;
            }
            EvaluationRequest.Builder b = r.toBuilder();
            boolean changed = false;
            for (Map.Entry<String, Double> t : spec.thresholds().entrySet()) {
                if (r.metrics().contains(t.getKey()) && !r.thresholds().containsKey(t.getKey())) {
                    b.threshold(t.getKey(), t.getValue());
                    changed = true;
                }
            }
            return changed ? new BatchLines.Input(b.build(), input.inputId()) : input;
        }

        void cancelInFlight() {
            for (EvaluationHandle h : inFlight) {
                h.cancel();
            }
        }

        /**
         * The codec's message, or, for a row of Spark's reader holding a line it could not parse (its only column is
         * {@link #CORRUPT_RECORD}: {@code toJSON} leaves null columns out), that the line is not JSON.
         */
        private static String reason(BadEventException e) {
            return e.fields().contains(CORRUPT_RECORD) ? "not valid JSON: Spark's reader put the line in "
                    + CORRUPT_RECORD : e.getMessage();
        }
    }
}
