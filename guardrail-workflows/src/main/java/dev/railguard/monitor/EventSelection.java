package dev.railguard.monitor;

import dev.railguard.api.Capability;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one monitor event is evaluated on, within what its monitor allows (DeepRails' {@code guardrail_metrics},
 * {@code web_search}, {@code file_search} and {@code context_awareness} of a monitor event): a subset of the monitor's
 * metrics, the capabilities enabled for this event, and the file ids its judges' file search is restricted to. A null
 * part means the monitor's own.
 *
 * <pre>{@code
 * monitor.submit(input, EventSelection.metrics("correctness").withCapabilities(Capability.FILE_SEARCH)
 *         .withFileIds(policyId));
 * }</pre>
 *
 * @param metrics      the metrics to run, a subset of the monitor's; null or empty: the monitor's metrics
 * @param capabilities the capabilities of this event, each allowed by the monitor; null: the monitor's
 * @param fileIds      the only files the judges may search for this event (enables {@code file_search}); null: the
 *                     monitor's files
 */
public record EventSelection(List<String> metrics, Set<Capability> capabilities, List<String> fileIds) {

    /** The monitor's own metrics, capabilities and files. */
    public static final EventSelection MONITOR_DEFAULTS = new EventSelection(null, null, null);

    /** Copies; a null element is named. */
    public EventSelection {
        metrics = metrics == null ? null : List.copyOf(metrics);
        capabilities = capabilities == null ? null
                : capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        fileIds = fileIds == null ? null : List.copyOf(fileIds);
    }

    /** Only {@code metrics} of the monitor's metrics. */
    public static EventSelection metrics(String... metrics) {
        Objects.requireNonNull(metrics, "metrics must not be null");
        return new EventSelection(Arrays.asList(metrics), null, null);
    }

    /** This selection with exactly {@code capabilities} enabled (none when empty). */
    public EventSelection withCapabilities(Capability... capabilities) {
        Objects.requireNonNull(capabilities, "capabilities must not be null");
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability c : capabilities) {
            set.add(Objects.requireNonNull(c, "capabilities[] must not be null"));
        }
        return new EventSelection(metrics, set, fileIds);
    }

    /** This selection with the judges' file search restricted to {@code fileIds}. */
    public EventSelection withFileIds(String... fileIds) {
        Objects.requireNonNull(fileIds, "fileIds must not be null");
        return new EventSelection(metrics, capabilities, Arrays.asList(fileIds));
    }
}
