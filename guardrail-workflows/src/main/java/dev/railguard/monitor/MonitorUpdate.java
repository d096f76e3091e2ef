package dev.railguard.monitor;

import dev.railguard.api.Capability;
import dev.railguard.event.internal.EventRequests;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A partial update of a {@link Monitor}'s metrics, capabilities and files, as DeepRails' monitor update: only what it
 * names changes. Events already accepted keep the settings they were accepted under.
 *
 * <pre>{@code
 * monitor.update(MonitorUpdate.builder().metrics("correctness", "completeness")
 *         .capabilities(Capability.WEB_SEARCH).build());
 * }</pre>
 */
public final class MonitorUpdate {

    final List<String> metrics;
    final Set<Capability> capabilities;
    final List<String> fileIds;

    private MonitorUpdate(Builder b) {
        this.metrics = b.metrics;
        this.capabilities = b.capabilities;
        this.fileIds = b.fileIds;
    }

    /** An empty update. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MonitorUpdate}. */
    public static final class Builder {
        private List<String> metrics;
        private Set<Capability> capabilities;
        private List<String> fileIds;

        private Builder() {}

        /** The new metric set, at least one, none twice (checked against the evaluator by the update). */
        public Builder metrics(String... metrics) {
            Objects.requireNonNull(metrics, "metrics must not be null");
            this.metrics = List.copyOf(Arrays.asList(metrics));
            return this;
        }

        /** The new capabilities: what events may enable (and get when they name none). */
        public Builder capabilities(Capability... capabilities) {
            this.capabilities = EventRequests.capabilitySet(capabilities);
            return this;
        }

        /** The new files the judges may search (empty: any registered document). */
        public Builder fileIds(String... fileIds) {
            Objects.requireNonNull(fileIds, "fileIds must not be null");
            this.fileIds = List.copyOf(Arrays.asList(fileIds));
            return this;
        }

        /** The update. */
        public MonitorUpdate build() {
            return new MonitorUpdate(this);
        }
    }
}
