package dev.railguard.monitor;

import dev.railguard.api.Capability;
import dev.railguard.api.Evaluator;
import dev.railguard.event.internal.EventRequests;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A monitor's metrics, capabilities and files at one moment (swapped whole by an update, so an accepted event keeps
 * what it was accepted under), and what one event's {@link EventSelection} resolves to within them.
 *
 * @param metrics      the metrics, at least one, none twice
 * @param capabilities what events may enable, and get when they name none
 * @param fileIds      the files judges may search (empty: any registered document)
 */
record MonitorSettings(List<String> metrics, Set<Capability> capabilities, List<String> fileIds) {

    MonitorSettings {
        metrics = List.copyOf(metrics);
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(capabilities);
        fileIds = List.copyOf(fileIds);
    }

    /** Checks a metric set against {@code evaluator}: at least one, none twice, each known. */
    static List<String> checkMetrics(List<String> metrics, Evaluator evaluator) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must name at least one metric, but was: []");
        }
        Set<String> seen = new HashSet<>();
        for (String m : metrics) {
            if (!seen.add(m)) {
                throw new IllegalArgumentException("metrics must not name a metric twice, but '" + m
                        + "' appears more than once in " + metrics);
            }
            EventRequests.requireKnownMetric(evaluator, m);
        }
        return metrics;
    }

    /** These settings with what {@code update} names. */
    MonitorSettings apply(MonitorUpdate update, Evaluator evaluator) {
        return new MonitorSettings(update.metrics == null ? metrics : checkMetrics(update.metrics, evaluator),
                update.capabilities == null ? capabilities : update.capabilities,
                update.fileIds == null ? fileIds : update.fileIds);
    }

    /**
     * What an event with {@code selection} runs on: its metrics (a subset of these), its capabilities (within these;
     * file ids enable file search) and its files (within these, when these name any).
     *
     * @throws IllegalArgumentException naming the field, the value and what the monitor allows
     */
    MonitorSettings resolve(EventSelection selection, String monitorId) {
        List<String> m = metrics;
        if (selection.metrics() != null && !selection.metrics().isEmpty()) {
            for (String name : selection.metrics()) {
                if (!metrics.contains(name)) {
                    throw new IllegalArgumentException("guardrail_metrics must be a subset of monitor " + monitorId
                            + "'s metrics " + metrics + ", but '" + name + "' is not one of them");
                }
            }
            m = List.copyOf(new java.util.LinkedHashSet<>(selection.metrics()));
        }
        Set<Capability> c = selection.capabilities() == null ? capabilities : selection.capabilities();
        List<String> files = selection.fileIds() == null ? fileIds : selection.fileIds();
        if (selection.fileIds() != null && !selection.fileIds().isEmpty()) {
            for (String id : selection.fileIds()) {
                if (!fileIds.isEmpty() && !fileIds.contains(id)) {
                    throw new IllegalArgumentException("file_search ids must be among monitor " + monitorId
                            + "'s files " + fileIds + ", but '" + id + "' is not one of them");
                }
            }
            Set<Capability> withFiles = c.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(c);
            withFiles.add(Capability.FILE_SEARCH);
            c = withFiles;
        }
        for (Capability cap : c) {
            if (!capabilities.contains(cap)) {
                throw new IllegalArgumentException("an event may enable only the capabilities monitor " + monitorId
                        + " allows " + capabilities.stream().map(Capability::wireName).sorted().toList() + ", but "
                        + cap.wireName() + " is not allowed; allow it with monitor.update(MonitorUpdate.builder()"
                        + ".capabilities(...).build())");
            }
        }
        return new MonitorSettings(m, c, files);
    }
}
