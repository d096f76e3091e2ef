package dev.railguard.format;

import java.util.Set;

/**
 * Where a DeepRails event is read: each entry allows a set of top-level fields (DeepRails' keys, plus Railguard's own
 * where the entry documents them). The value of a field means the same at every entry; only which fields an entry
 * takes differs.
 */
public enum DeepRailsEntry {
    /**
     * A workflow-event body ({@code POST /defend/{workflow_id}/events}): {@code model_input}, {@code model_output},
     * {@code model_used} (required), {@code run_mode}, {@code nametag}.
     */
    WORKFLOW_BODY,
    /** A stored event request (the event store): the keys of a workflow-event body, {@code model_used} optional. */
    STORED_EVENT,
    /**
     * A monitor-event body ({@code POST /monitor/{monitor_id}/events}): the stored-event keys plus
     * {@code guardrail_metrics} (names only: a monitor's thresholds are its own), {@code web_search},
     * {@code file_search} and {@code context_awareness}.
     */
    MONITOR_BODY,
    /**
     * A line of a batch input file or a Spark row: the monitor-event keys plus Railguard's
     * {@code id} (a string or an integer, echoed into the results), {@code capabilities} (names or
     * {@code {"capability": name}}) and thresholds in {@code guardrail_metrics} ({@code {"correctness": 0.9}}).
     */
    BATCH_LINE,
    /**
     * A labelled case of Railguard's meta-evaluation data sets: the batch-line keys plus {@code labels},
     * {@code unit_labels} and {@code source}, which the codec lets through for the data set reader to read.
     */
    LABELLED_CASE;

    /** Keys this entry takes that the codec does not read (the caller reads them from the same record). */
    public Set<String> callerKeys() {
        return this == LABELLED_CASE ? Set.of("labels", "unit_labels", "source") : Set.of();
    }
}
