package dev.railguard.deeprails;

import dev.railguard.api.Capability;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.EventSelection;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A DeepRails monitor-event body ({@code POST /monitor/{monitor_id}/events}), read by
 * {@link DeepRailsJson#readMonitorEvent(String)}: the event, and the metrics and capabilities the body asks for.
 *
 * @param input            the event ({@code model_input}, {@code model_output}, {@code model_used}, {@code run_mode},
 *                         {@code nametag})
 * @param guardrailMetrics the {@code guardrail_metrics} the body names; empty when it names none
 * @param capabilities     {@code web_search}, {@code context_awareness} when true, and {@code file_search} when it names
 *                         files
 * @param fileSearch       the file ids of {@code file_search}; empty when none
 */
public record MonitorEventRequest(EventInput input, List<String> guardrailMetrics, Set<Capability> capabilities,
        List<String> fileSearch) {

    /** Validates and copies. */
    public MonitorEventRequest {
        Objects.requireNonNull(input, "input must not be null");
        guardrailMetrics = List.copyOf(guardrailMetrics);
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        fileSearch = List.copyOf(fileSearch);
    }

    /**
     * Submits this event to {@code monitor} as seed 001 says: {@code guardrail_metrics} selects which of the monitor's
     * metrics run for this event (a body without it runs the monitor's metrics, as the seed's own SDK example does);
     * {@code web_search}, {@code file_search} and {@code context_awareness} enable those capabilities for this event,
     * within what the monitor allows (a body that enables none gets the monitor's); {@code file_search} ids restrict
     * the judges' file search to those files.
     *
     * @throws IllegalArgumentException naming the metric, capability or file the monitor does not have
     */
    public MonitorEvent submitTo(Monitor monitor) {
        return monitor.submit(input, new EventSelection(guardrailMetrics.isEmpty() ? null : guardrailMetrics,
                capabilities.isEmpty() ? null : capabilities, fileSearch.isEmpty() ? null : fileSearch));
    }
}
