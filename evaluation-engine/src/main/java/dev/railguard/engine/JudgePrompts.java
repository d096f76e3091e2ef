package dev.railguard.engine;

import dev.railguard.api.Capability;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.JudgedMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders judge prompts from the engine's versioned templates and a metric's declared parts. The one prompt builder
 * of the engine: every run mode renders through here, so fencing and context awareness are applied the same way
 * everywhere.
 */
final class JudgePrompts {

    static final String UNITS_TEMPLATE = "prompts/units.v1.txt";
    static final String UNITS_VERSION = "units.v1";

    private JudgePrompts() {}

    /** The call that partitions the material into the metric's units and verifies each one. */
    static JudgeCall units(JudgedMetric metric, EvaluationRequest request, Judge judge) {
        List<Evidence> sections = sections(metric, request);
        Untrusted untrusted = Untrusted.forTexts(sections.stream().map(Evidence::text).toList());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("metric", metric.name());
        values.put("description", metric.description());
        values.put("partition", metric.unitKind().partitionInstructions());
        values.put("rubric", request.runMode().codeAware() ? metric.codeRubric() : metric.rubric());
        values.put("preface", untrusted.preface());
        String system = Templates.render(Templates.load(JudgePrompts.class, UNITS_TEMPLATE), values);
        return new JudgeCall(judge, system, fenced(sections, untrusted), Schemas.judgedUnits(metric.name()),
                UNITS_VERSION + "/" + metric.name() + "." + metric.promptVersion());
    }

    /**
     * What the judge reads: the metric's evidence, the context messages when the request asks for context awareness
     * (unless the metric already shows them), and the output last.
     */
    static List<Evidence> sections(JudgedMetric metric, EvaluationRequest request) {
        List<Evidence> sections = new ArrayList<>(metric.evidence(request));
        boolean hasContext = sections.stream().anyMatch(e -> e.label().equals("context"));
        if (request.has(Capability.CONTEXT_AWARENESS) && !hasContext) {
            sections.add(new Evidence("context", renderContext(request.modelInput().context())));
        }
        sections.add(new Evidence("model_output", request.modelOutput()));
        return sections;
    }

    /** Context messages as {@code role: content} lines. */
    static String renderContext(List<ContextMessage> messages) {
        return messages.stream().map(m -> m.role() + ": " + m.content()).collect(Collectors.joining("\n"));
    }

    static String fenced(List<Evidence> sections, Untrusted untrusted) {
        return sections.stream().map(e -> untrusted.fence(e.label(), e.text())).collect(Collectors.joining("\n\n"));
    }
}
