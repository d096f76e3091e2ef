package dev.railguard.workflow;

import dev.railguard.event.internal.EventRequests;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.api.Capability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A partial update of a {@link Workflow}: only what it names changes (DeepRails: "Only fields provided in the request
 * body will be updated"). Events already submitted keep the settings they started with.
 *
 * <pre>{@code
 * workflow.update(WorkflowUpdate.builder().maxImprovementAttempts(3).threshold("correctness", 0.9).build());
 * }</pre>
 */
public final class WorkflowUpdate {

    final String name;
    final String description;
    final Map<String, Double> thresholds;
    final Map<String, Tolerance> tolerances;
    final List<String> removedMetrics;
    final ImprovementAction improvementAction;
    final Integer maxImprovementAttempts;
    final Set<Capability> capabilities;
    final ChatModel generator;
    final Boolean active;
    final List<String> fileIds;

    private WorkflowUpdate(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.thresholds = Map.copyOf(b.thresholds);
        this.tolerances = Map.copyOf(b.tolerances);
        this.removedMetrics = List.copyOf(b.removedMetrics);
        this.improvementAction = b.improvementAction;
        this.maxImprovementAttempts = b.maxImprovementAttempts;
        this.capabilities = b.capabilities == null ? null : Set.copyOf(b.capabilities);
        this.generator = b.generator;
        this.active = b.active;
        this.fileIds = b.fileIds;
    }

    /** An empty update. */
    public static Builder builder() {
        return new Builder();
    }

    /** The new active flag, if this update sets it. */
    public Optional<Boolean> active() {
        return Optional.ofNullable(active);
    }

    /** Builds a {@link WorkflowUpdate}. */
    public static final class Builder {
        private String name;
        private String description;
        private final Map<String, Double> thresholds = new LinkedHashMap<>();
        private final Map<String, Tolerance> tolerances = new LinkedHashMap<>();
        private final List<String> removedMetrics = new ArrayList<>();
        private ImprovementAction improvementAction;
        private Integer maxImprovementAttempts;
        private Set<Capability> capabilities;
        private ChatModel generator;
        private Boolean active;
        private List<String> fileIds;

        private Builder() {}

        /** Replaces the workflow's files (none clears them). */
        public Builder fileIds(String... fileIds) {
            this.fileIds = List.copyOf(Arrays.asList(Objects.requireNonNull(fileIds,
                    "fileIds must not be null")));
            return this;
        }

        /** A new name. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name must not be null");
            return this;
        }

        /** A new description. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description must not be null");
            return this;
        }

        /** Sets a custom threshold for {@code metric}, adding the metric if the workflow does not have it. */
        public Builder threshold(String metric, double threshold) {
            Workflow.checkThreshold(metric, threshold);
            thresholds.put(metric, threshold);
            tolerances.remove(metric);
            return this;
        }

        /** Sets an automatic tolerance for {@code metric}, adding the metric if the workflow does not have it. */
        public Builder tolerance(String metric, Tolerance tolerance) {
            Objects.requireNonNull(metric, "metric must not be null");
            tolerances.put(metric, Objects.requireNonNull(tolerance, "tolerance must not be null"));
            thresholds.remove(metric);
            return this;
        }

        /** Removes {@code metric} from the workflow (at least one metric must remain). */
        public Builder removeMetric(String metric) {
            removedMetrics.add(Objects.requireNonNull(metric, "metric must not be null"));
            return this;
        }

        /** A new improvement action. */
        public Builder improvementAction(ImprovementAction action) {
            this.improvementAction = Objects.requireNonNull(action, "improvementAction must not be null");
            return this;
        }

        /** A new attempt budget, 1..100. */
        public Builder maxImprovementAttempts(int attempts) {
            Workflow.checkAttempts(attempts);
            this.maxImprovementAttempts = attempts;
            return this;
        }

        /** Replaces the capabilities (none clears them). */
        public Builder capabilities(Capability... capabilities) {
            this.capabilities = EventRequests.capabilitySet(capabilities);
            return this;
        }

        /** A new generator. */
        public Builder generator(ChatModel generator) {
            this.generator = Objects.requireNonNull(generator, "generator must not be null");
            return this;
        }

        /** Activates or deactivates the workflow. */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** Builds the update. */
        public WorkflowUpdate build() {
            return new WorkflowUpdate(this);
        }
    }
}
