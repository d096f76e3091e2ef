package dev.railguard.metaeval;

import dev.railguard.api.ModelInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One output a person labelled: what the model was given, what it answered, and a human label per metric (optionally
 * per unit of a metric).
 *
 * @param id         unique in its data set, never blank
 * @param input      the model's input (prompts, documents, ground truth, context)
 * @param output     the model's output
 * @param labels     the human label per metric name, at least one, in the order given
 * @param unitLabels per metric, labels of single units (claims) of the output; may be empty. A simulated judge uses
 *                   them as the truth of each unit; the agreement figures use {@code labels}
 * @param source     where the case comes from ({@code "railguard"}, {@code "halueval_qa"}, ...), for the report
 * @param modelUsed  the model that wrote the output, or null when unknown; a judge of that model is refused (or
 *                   warned about) as the evaluator's self-judging policy says
 */
public record LabelledCase(String id, ModelInput input, String output, Map<String, HumanLabel> labels,
        Map<String, List<UnitLabel>> unitLabels, String source, String modelUsed) {

    /** A case whose writing model is unknown. */
    public LabelledCase(String id, ModelInput input, String output, Map<String, HumanLabel> labels,
            Map<String, List<UnitLabel>> unitLabels, String source) {
        this(id, input, output, labels, unitLabels, source, null);
    }

    /**
     * One labelled unit of an output.
     *
     * @param text  the unit as it appears in the output
     * @param label its label
     */
    public record UnitLabel(String text, HumanLabel label) {
        /** Validates. */
        public UnitLabel {
            Objects.requireNonNull(text, "unit text must not be null");
            Objects.requireNonNull(label, "unit label must not be null");
        }
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the field when the id is blank, there is no label, or a label names a
     *                                  blank metric
     */
    public LabelledCase {
        Objects.requireNonNull(id, "id must not be null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank, but was: '" + id + "'");
        }
        Objects.requireNonNull(input, "input must not be null");
        Objects.requireNonNull(output, "output must not be null");
        Objects.requireNonNull(labels, "labels must not be null");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels of case '" + id + "' must name at least one metric, but was: {}");
        }
        labels.forEach((metric, label) -> {
            if (metric == null || metric.isBlank() || label == null) {
                throw new IllegalArgumentException("labels of case '" + id + "' must map metric names to PASS or FAIL,"
                        + " but had: " + metric + "=" + label);
            }
        });
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Map<String, List<UnitLabel>> units = new LinkedHashMap<>();
        Objects.requireNonNull(unitLabels, "unitLabels must not be null").forEach((m, l) -> units.put(m, List.copyOf(l)));
        unitLabels = Collections.unmodifiableMap(units);
        source = source == null || source.isBlank() ? "railguard" : source;
        modelUsed = modelUsed == null || modelUsed.isBlank() ? null : modelUsed;
    }

    /** A case with metric labels only, from Railguard's own format. */
    public static LabelledCase of(String id, ModelInput input, String output, Map<String, HumanLabel> labels) {
        return new LabelledCase(id, input, output, labels, Map.of(), "railguard");
    }
}
