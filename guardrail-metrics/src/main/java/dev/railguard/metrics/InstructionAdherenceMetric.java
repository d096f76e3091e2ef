package dev.railguard.metrics;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import java.util.List;
import java.util.Set;

/**
 * {@code instruction_adherence}: how closely the output follows the instructions of the system and user prompts.
 * <ul>
 * <li>Unit: an atomic instruction taken from the prompts (format, length, tone, language, content).</li>
 * <li>Y: the output follows the instruction fully.</li>
 * <li>Special rule: partly followed is N.</li>
 * <li>Needs: a system or user prompt (always present). Default threshold 0.8.</li>
 * </ul>
 */
public final class InstructionAdherenceMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "instruction_adherence";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public InstructionAdherenceMetric() {
        super(NAME, "The share of the prompts' instructions that the output follows fully.", UnitKinds.INSTRUCTION,
                Aggregation.WEIGHTED_SHARE, Set.of());
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return PromptSections.prompts(request.modelInput());
    }
}
