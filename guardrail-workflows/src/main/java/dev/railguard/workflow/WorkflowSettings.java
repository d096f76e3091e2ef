package dev.railguard.workflow;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.api.Capability;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link Workflow} is configured with at one moment (DeepRails' workflow fields). Immutable; an update makes a
 * new one, and every event keeps the settings it was submitted under.
 *
 * @param name                   the workflow's name
 * @param description            its description, or an empty string
 * @param thresholds             the resolved threshold of every metric, in the order the metrics were added; this key
 *                               set is the workflow's metric selection
 * @param tolerances             the tolerance of the metrics whose threshold is automatic (the others are custom)
 * @param improvementAction      what to do with failing outputs
 * @param maxImprovementAttempts how many improvement attempts an event may take (default 10)
 * @param capabilities           passed into every evaluation the workflow asks for
 * @param generator              the model that regenerates or repairs outputs, or null for {@code do_nothing}
 * @param active                 whether the workflow accepts events
 * @param fileIds                the files judges may search in the workflow's evaluations and FIXIT's generator may
 *                               search when it repairs (DeepRails attaches files to a workflow); empty: judges may
 *                               search any registered document, the generator none
 */
public record WorkflowSettings(
        String name,
        String description,
        Map<String, Double> thresholds,
        Map<String, Tolerance> tolerances,
        ImprovementAction improvementAction,
        int maxImprovementAttempts,
        Set<Capability> capabilities,
        ChatModel generator,
        boolean active,
        List<String> fileIds) {

    /** Copies. */
    public WorkflowSettings {
        fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
        description = description == null ? "" : description;
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        tolerances = Collections.unmodifiableMap(new LinkedHashMap<>(tolerances));
        capabilities = capabilities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
    }

    /** Settings without files. */
    public WorkflowSettings(String name, String description, Map<String, Double> thresholds,
            Map<String, Tolerance> tolerances, ImprovementAction improvementAction, int maxImprovementAttempts,
            Set<Capability> capabilities, ChatModel generator, boolean active) {
        this(name, description, thresholds, tolerances, improvementAction, maxImprovementAttempts, capabilities,
                generator, active, List.of());
    }

    /** The metric names, in order. */
    public List<String> metrics() {
        return List.copyOf(thresholds.keySet());
    }

    /** {@code "automatic"} when every threshold comes from a tolerance, {@code "custom"} when none does, else {@code "mixed"}. */
    public String thresholdType() {
        if (tolerances.isEmpty()) {
            return "custom";
        }
        return tolerances.size() == thresholds.size() ? "automatic" : "mixed";
    }

    /** The thresholds set as numbers (DeepRails' {@code custom_hallucination_threshold_values}). */
    public Map<String, Double> customThresholds() {
        Map<String, Double> out = new LinkedHashMap<>(thresholds);
        out.keySet().removeAll(tolerances.keySet());
        return Collections.unmodifiableMap(out);
    }
}
