package dev.railguard.format;

import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One DeepRails event as {@link DeepRailsCodec} reads and writes it: what the model was asked, what it answered and
 * how to evaluate it. Absent optional fields are null (texts, {@code runMode}) or empty (lists, maps, sets).
 *
 * @param id               Railguard's {@code id} of a batch line (a string, or an integer as its text); null if absent
 * @param modelInput       {@code model_input}
 * @param modelOutput      {@code model_output}
 * @param modelUsed        {@code model_used}; null if absent
 * @param runMode          {@code run_mode}; null if absent (the caller's default applies)
 * @param nametag          {@code nametag}; null if absent
 * @param guardrailMetrics {@code guardrail_metrics} in their order; empty if absent
 * @param thresholds       thresholds given in {@code guardrail_metrics} by metric name; empty if none
 * @param capabilities     {@code web_search}, {@code file_search}, {@code context_awareness} (and {@code capabilities})
 * @param fileIds          the file ids of {@code file_search}; empty if none
 * @param warnings         what a lenient read ignored (never written); empty otherwise
 */
public record DeepRailsEvent(String id, ModelInput modelInput, String modelOutput, String modelUsed, RunMode runMode,
        String nametag, List<String> guardrailMetrics, Map<String, Double> thresholds, Set<Capability> capabilities,
        List<String> fileIds, List<String> warnings) {

    /** The key of {@link ModelInput#extras()} under which {@link #toRequest} passes the file ids, comma-separated. */
    public static final String FILE_IDS_EXTRA = "file_search";

    /** Validates and copies. */
    public DeepRailsEvent {
        Objects.requireNonNull(modelInput, "modelInput must not be null");
        Objects.requireNonNull(modelOutput, "modelOutput must not be null");
        guardrailMetrics = List.copyOf(guardrailMetrics);
        thresholds = Map.copyOf(thresholds);
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        fileIds = List.copyOf(fileIds);
        warnings = List.copyOf(warnings);
    }

    /** An event of {@code modelInput} and {@code modelOutput} with nothing else. */
    public static DeepRailsEvent of(ModelInput modelInput, String modelOutput) {
        return new DeepRailsEvent(null, modelInput, modelOutput, null, null, null, List.of(), Map.of(), Set.of(),
                List.of(), List.of());
    }

    /** This event with {@code modelUsed}, {@code runMode} and {@code nametag} (each may be null). */
    public DeepRailsEvent with(String modelUsed, RunMode runMode, String nametag) {
        return new DeepRailsEvent(id, modelInput, modelOutput, modelUsed, runMode, nametag, guardrailMetrics,
                thresholds, capabilities, fileIds, warnings);
    }

    /**
     * The request this event asks for: its metrics (or {@code defaultMetrics} when it names none) with their
     * thresholds, its run mode (or {@code defaultRunMode}), its capabilities, and its file ids in
     * {@code modelInput.extras["file_search"]}, where the engine's file search finds them.
     *
     * @throws BadEventException with this event's id, if the event names no metric and there is no default, or the
     *                           request is invalid
     */
    public EvaluationRequest toRequest(List<String> defaultMetrics, RunMode defaultRunMode) {
        try {
            return request(defaultMetrics, defaultRunMode);
        } catch (BadEventException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadEventException(e.getMessage(), id, Set.of());
        }
    }

    private EvaluationRequest request(List<String> defaultMetrics, RunMode defaultRunMode) {
        List<String> metrics = guardrailMetrics.isEmpty() ? defaultMetrics : guardrailMetrics;
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("guardrail_metrics names no metric and there are no default metrics");
        }
        ModelInput input = modelInput;
        if (!fileIds.isEmpty()) {
            input = modelInput.toBuilder().extra(FILE_IDS_EXTRA, String.join(",", fileIds)).build();
        }
        EvaluationRequest.Builder b = EvaluationRequest.builder().modelInput(input).modelOutput(modelOutput)
                .modelUsed(modelUsed).nametag(nametag).runMode(runMode == null ? defaultRunMode : runMode)
                .metrics(new ArrayList<>(metrics));
        thresholds.forEach(b::threshold);
        capabilities.forEach(b::capabilities);
        return b.build();
    }
}
