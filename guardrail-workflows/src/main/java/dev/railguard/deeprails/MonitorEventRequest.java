package dev.railguard.deeprails;

import dev.railguard.api.Capability;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;
import java.util.ArrayList;
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
     * Submits this event to {@code monitor}, whose metrics and capabilities are fixed: the body may name only metrics
     * the monitor evaluates and capabilities the monitor has.
     *
     * @throws IllegalArgumentException naming the metric or capability the monitor does not have
     */
    public MonitorEvent submitTo(Monitor monitor) {
        List<String> unknown = new ArrayList<>(guardrailMetrics);
        unknown.removeAll(monitor.metrics());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("guardrail_metrics must be among the metrics of monitor "
                    + monitor.id() + " " + monitor.metrics() + ", but named: " + unknown);
        }
        for (Capability c : capabilities) {
            if (!monitor.capabilities().contains(c)) {
                throw new IllegalArgumentException(c.wireName() + " is not enabled on monitor " + monitor.id()
                        + " (it has " + monitor.capabilities() + "); enable it on the monitor or leave it out");
            }
        }
        return monitor.submit(input);
    }
}
