package dev.railguard.metrics;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.UnitKind;
import dev.railguard.engine.PromptResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The common shape of the built-in judged metrics: everything is a declared value, the rubric a resource. A subclass
 * names itself, its unit kind, its aggregation and the inputs it needs, and says what the judge reads
 * ({@link #evidence}); its rubric is the resource {@code prompts/<name>.<version>.txt} next to the subclass (a code
 * rubric {@code prompts/<name>.code.<version>.txt} when it has one), and its default threshold is in
 * {@link DefaultThresholds}.
 */
public abstract class DeclaredJudgedMetric implements JudgedMetric {

    private final String name;
    private final String description;
    private final UnitKind unitKind;
    private final String rubric;
    private final String codeRubric;
    private final Aggregation aggregation;
    private final Set<InputRequirement> requires;

    /** Declares the metric; its rubric is read from its prompt resource here. */
    protected DeclaredJudgedMetric(String name, String description, UnitKind unitKind, Aggregation aggregation,
            Set<InputRequirement> requires) {
        this.name = name;
        this.description = description;
        this.unitKind = unitKind;
        this.rubric = PromptResources.load(getClass(), promptPath(name));
        this.codeRubric = getClass().getResource(promptPath(name + ".code")) != null
                ? PromptResources.load(getClass(), promptPath(name + ".code")) : rubric;
        this.aggregation = aggregation;
        this.requires = Set.copyOf(requires);
    }

    private static String promptPath(String name) {
        return "prompts/" + name + "." + UnitKinds.VERSION + ".txt";
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

    /** The code rubric resource {@code prompts/<name>.code.<version>.txt} when the metric has one, else the rubric. */
    @Override
    public final String codeRubric() {
        return codeRubric;
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

    /** The sections of {@code parts}, in order, as one list. */
    @SafeVarargs
    protected static List<Evidence> concat(List<Evidence>... parts) {
        List<Evidence> out = new ArrayList<>();
        for (List<Evidence> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    /** Subclasses declare what the judge reads besides the output, with the {@link Evidence} factories. */
    @Override
    public abstract List<Evidence> evidence(EvaluationRequest request);
}
