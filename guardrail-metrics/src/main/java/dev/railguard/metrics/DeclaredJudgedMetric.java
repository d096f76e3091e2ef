package dev.railguard.metrics;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.ModelInput;
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
    private final String holisticRubric;
    private final Aggregation aggregation;
    private final Set<InputRequirement> requires;

    /** Declares the metric; its rubric is read from its prompt resource here. */
    protected DeclaredJudgedMetric(String name, String description, UnitKind unitKind, Aggregation aggregation,
            Set<InputRequirement> requires) {
        this.name = name;
        this.description = description;
        this.unitKind = unitKind;
        this.rubric = PromptResources.load(getClass(), promptPath(name));
        // a code rubric adds to the base rubric, so a prose claim is judged by the same rules in every mode
        this.codeRubric = hasPrompt(name + ".code")
                ? rubric + " " + PromptResources.load(getClass(), promptPath(name + ".code")) : rubric;
        // a metric without a holistic rubric (the catalogue's) is judged in the one-call mode by its plain rubric
        this.holisticRubric = hasPrompt(name + ".holistic")
                ? PromptResources.load(getClass(), promptPath(name + ".holistic")) : rubric;
        this.aggregation = aggregation;
        this.requires = Set.copyOf(requires);
    }

    private static String promptPath(String name) {
        return "prompts/" + name + "." + UnitKinds.VERSION + ".txt";
    }

    private boolean hasPrompt(String name) {
        return getClass().getResource(promptPath(name)) != null;
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
