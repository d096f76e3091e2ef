package dev.railguard.metrics;

import dev.railguard.api.Aggregation;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.ModelInput;
import dev.railguard.api.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The common shape of the built-in judged metrics: everything is a declared value, the rubric a resource. */
abstract class DeclaredJudgedMetric implements JudgedMetric {

    private final String name;
    private final String description;
    private final UnitKind unitKind;
    private final String rubric;
    private final String codeRubric;
    private final String holisticRubric;
    private final Aggregation aggregation;
    private final Set<InputRequirement> requires;

    DeclaredJudgedMetric(String name, String description, UnitKind unitKind, Aggregation aggregation,
            Set<InputRequirement> requires) {
        this.name = name;
        this.description = description;
        this.unitKind = unitKind;
        this.rubric = UnitKinds.prompt(name);
        // a code rubric adds to the base rubric, so a prose claim is judged by the same rules in every mode
        this.codeRubric = UnitKinds.hasPrompt(name + ".code") ? rubric + " " + UnitKinds.prompt(name + ".code") : rubric;
        this.holisticRubric = UnitKinds.prompt(name + ".holistic");
        this.aggregation = aggregation;
        this.requires = Set.copyOf(requires);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<InputRequirement> requires() {
        return requires;
    }

    @Override
    public final double defaultThreshold() {
        return DefaultThresholds.of(name);
    }

    @Override
    public final UnitKind unitKind() {
        return unitKind;
    }

    @Override
    public final String rubric() {
        return rubric;
    }

    /**
     * The rubric followed by the code addendum {@code prompts/<name>.code.<version>.txt} when the metric has one,
     * else the rubric.
     */
    @Override
    public final String codeRubric() {
        return codeRubric;
    }

    /** The resource {@code prompts/<name>.holistic.<version>.txt}: units and score of the one-call mode. */
    @Override
    public final String holisticRubric() {
        return holisticRubric;
    }

    @Override
    public final Aggregation aggregation() {
        return aggregation;
    }

    @Override
    public final String promptVersion() {
        return UnitKinds.VERSION;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The prompts, as the judge should read them before the output. */
    static List<Evidence> prompts(ModelInput input) {
        List<Evidence> out = new ArrayList<>();
        if (input.systemPrompt() != null && !input.systemPrompt().isBlank()) {
            out.add(new Evidence("system_prompt", input.systemPrompt()));
        }
        if (input.userPrompt() != null && !input.userPrompt().isBlank()) {
            out.add(new Evidence("user_prompt", input.userPrompt()));
        }
        return out;
    }

    /**
     * The user prompt only, for metrics whose rubric does not use the system prompt (it would cost its size on every
     * call and only invite anchoring on the application's framing).
     */
    static List<Evidence> userPrompt(ModelInput input) {
        if (input.userPrompt() == null || input.userPrompt().isBlank()) {
            return List.of();
        }
        return List.of(new Evidence("user_prompt", input.userPrompt()));
    }

    /** The non-blank documents, numbered when there are several. */
    static List<Evidence> documents(ModelInput input) {
        List<String> docs = input.documents().stream().filter(d -> !d.isBlank()).toList();
        if (docs.isEmpty()) {
            return List.of();
        }
        if (docs.size() == 1) {
            return List.of(new Evidence("documents", docs.get(0)));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            sb.append(i == 0 ? "" : "\n\n").append("[document ").append(i + 1).append("]\n").append(docs.get(i));
        }
        return List.of(new Evidence("documents", sb.toString()));
    }

    /** The context messages as {@code role: content} lines, if any. */
    static List<Evidence> context(ModelInput input) {
        List<ContextMessage> messages = input.context().stream().filter(m -> !m.content().isBlank()).toList();
        if (messages.isEmpty()) {
            return List.of();
        }
        return List.of(new Evidence("context",
                messages.stream().map(m -> m.role() + ": " + m.content()).collect(Collectors.joining("\n"))));
    }

    static List<Evidence> concat(List<Evidence> a, List<Evidence> b) {
        List<Evidence> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Subclasses declare what the judge reads besides the output. */
    @Override
    public abstract List<Evidence> evidence(EvaluationRequest request);
}
