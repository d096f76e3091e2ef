package dev.railguard.metrics;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Evidence;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.ModelInput;
import dev.railguard.api.JudgedMetric.StepsToWrite;
import dev.railguard.api.UnitKind;
import dev.railguard.engine.PromptResources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settled options of a {@link CriteriaMetric} and what follows from them: the unit kind (a rubric makes its levels
 * units), the rubric text, the evidence, the inputs required, and the brief from which a judge writes the steps.
 */
record CriteriaParts(String name, String criteria, String description, Set<CriteriaMetric.Input> inputs,
        CriteriaMetric.Unit unit, List<String> bands, double threshold, List<String> steps) implements StepsToWrite {

    private static final String RUBRIC = PromptResources.load(CriteriaParts.class,
            "prompts/criteria_rubric." + UnitKinds.VERSION + ".txt");

    Set<InputRequirement> requires() {
        Set<InputRequirement> out = EnumSet.noneOf(InputRequirement.class);
        for (CriteriaMetric.Input i : inputs) {
            if (i.requirement() != null) {
                out.add(i.requirement());
            }
        }
        return Set.copyOf(out);
    }

    /**
     * The unit kind: the chosen unit's for pass/fail; for a rubric, the levels above the lowest as units (of the whole
     * output, or of each chosen unit), under a name of this metric's own, since the levels are its own.
     */
    UnitKind unitKind() {
        UnitKind base = unit.kind();
        if (bands.isEmpty()) {
            return base;
        }
        int n = bands.size();
        String levels = "levels 2 to " + n + " of the scale in the rubric";
        if (unit == CriteriaMetric.Unit.OUTPUT) {
            return new UnitKind("criteria_" + name, "There is one unit per " + levels + ", each about the"
                    + " model_output as a whole: for level k the text is \"reaches level k: <that level's"
                    + " description>\" and the label is \"level k\". Always return all " + (n - 1) + " units, in"
                    + " order.", UnitKind.Source.ASPECTS);
        }
        return new UnitKind(base.name() + "_criteria_" + name, base.partitionInstructions() + " Then make each of"
                + " them " + (n - 1) + " units, one per " + levels + ": the text is the unit followed by \" (level"
                + " k)\", the label is \"level k\".", base.source());
    }

    String rubric() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("criteria", criteria);
        values.put("steps", steps.isEmpty() ? "" : "Evaluation steps:\n" + numbered(steps) + "\n");
        values.put("scale", bands.isEmpty() ? "" : "Scale, from worst (1) to best (" + bands.size() + "):\n"
                + numbered(bands) + "\n");
        values.put("steps_hint", steps.isEmpty() ? "" : ", following the evaluation steps");
        values.put("verdict", bands.isEmpty()
                ? "\"Y\" when the unit meets the criteria fully, \"N\" when it does not or only in part."
                : "\"Y\" when the output (or the part the unit names) is at least as good as the level in the unit's"
                        + " label describes, \"N\" when it falls short of that level. Judge each level on its own.");
        return PromptResources.render(RUBRIC, values);
    }

    List<Evidence> evidence(ModelInput input) {
        List<Evidence> out = new ArrayList<>();
        if (inputs.contains(CriteriaMetric.Input.PROMPT)) {
            out.addAll(PromptSections.prompts(input));
        }
        if (inputs.contains(CriteriaMetric.Input.CONTEXT) || unit == CriteriaMetric.Unit.TURN) {
            out.addAll(PromptSections.context(input));
        }
        if (inputs.contains(CriteriaMetric.Input.DOCUMENTS)) {
            out.addAll(PromptSections.documents(input));
        }
        if (inputs.contains(CriteriaMetric.Input.GROUND_TRUTH)) {
            out.addAll(PromptSections.groundTruth(input));
        }
        if (inputs.contains(CriteriaMetric.Input.TOOL_CALLS)) {
            out.addAll(PromptSections.toolCalls(input));
        }
        return out;
    }

    /** What the steps are for: criteria, units, scale and inputs; not the output, which the steps never see. */
    @Override
    public String brief() {
        String read = inputs.stream().sorted().map(CriteriaMetric.Input::wireName).collect(Collectors.joining(", "));
        return "Criteria: " + criteria + "\nWhat is judged: " + unit.described() + ", one verdict per unit.\n"
                + (bands.isEmpty() ? "Scale: pass or fail per unit.\n"
                        : "Scale, from worst (1) to best (" + bands.size() + "):\n" + numbered(bands) + "\n")
                + "The evaluators read the model output" + (read.isEmpty() ? "" : " and: " + read) + ".";
    }

    /** The metric with {@code written} as its steps. */
    @Override
    public JudgedMetric withSteps(List<String> written) {
        return new CriteriaMetric(new CriteriaParts(name, criteria, description, inputs, unit, bands, threshold,
                sentences(written, "evaluationSteps", 1, CriteriaMetric.MAX_STEPS)));
    }

    private static String numbered(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
        }
        return sb.toString();
    }

    static String nonBlank(String value, String field) {
        notNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, but was: '" + value + "'");
        }
        return value.strip();
    }

    static <T> T notNull(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    /** {@code values} stripped, checked: between {@code min} and {@code max} of them, none blank. */
    static List<String> sentences(List<String> values, String field, int min, int max) {
        notNull(values, field);
        if (values.size() < min || values.size() > max) {
            throw new IllegalArgumentException(field + " must hold between " + min + " and " + max
                    + " sentences, but had " + values.size());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(nonBlank(values.get(i), field + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /** The constant of {@code values} whose wire name is {@code name}, or a message listing the names allowed. */
    static <E extends Enum<E>> E lookup(E[] values, Function<E, String> wireName, String name, String field) {
        for (E e : values) {
            if (wireName.apply(e).equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + Arrays.stream(values).map(wireName).toList()
                + ", but was: " + (name == null ? "null" : "'" + name + "'"));
    }
}
