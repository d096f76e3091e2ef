package dev.railguard.metrics;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.JudgedMetric.StepsToWrite;
import dev.railguard.api.Thresholds;
import dev.railguard.api.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A judged metric from criteria in a sentence, as G-Eval, promptfoo's {@code llm-rubric} or Ragas' aspect critic:
 *
 * <pre>{@code
 * JudgedMetric polite = CriteriaMetric.builder("polite_next_step")
 *     .criteria("Polite, and ends with a concrete next step.")
 *     .build();
 * RailguardEvaluator evaluator = RailguardEvaluator.builder()
 *     .judges(panel)
 *     .metrics(MetricRegistry.installed().with(polite))
 *     .build();
 * }</pre>
 *
 * <p>It is a {@link JudgedMetric} like the built-in ones, so every run mode, batch files, monitors and the JUnit
 * assertions use it by name. Options: what the judge reads besides the output ({@link Input}, the prompts by
 * default), what a unit is ({@link Unit}, the whole output by default), the scale (pass/fail per unit by default, or a
 * rubric of 2 to 10 bands, one sentence each from worst to best, scored to [0, 1]), the default threshold
 * ({@value #DEFAULT_THRESHOLD}) and the evaluation steps.
 *
 * <p>Without steps, the evaluator's strongest judge writes them once before the first evaluation (G-Eval's
 * auto chain of thought); they are cached with the judge calls (a cache directory keeps them across JVMs) and shown in
 * every result's diagnostics, so they can be read and pinned with {@link Builder#evaluationSteps}. After that, one
 * call per unit of work, not two as in G-Eval.
 *
 * <p>A rubric is judged on the unit-verdict architecture: each band above the lowest is a unit ("reaches level k")
 * with a Y/N verdict and a confidence, so consensus, passes and arbitration apply to it unchanged. With every level
 * judged certain, the score is {@code (band - 1) / (bands - 1)}: band 4 of 5 scores 0.75.
 */
public final class CriteriaMetric implements JudgedMetric {

    /** The default threshold of a criteria metric. */
    public static final double DEFAULT_THRESHOLD = 0.7;

    /** The most bands a rubric may have. */
    public static final int MAX_BANDS = 10;

    /** The most evaluation steps. */
    public static final int MAX_STEPS = 8;

    /** What the judge reads besides the output. */
    public enum Input {
        /** The system and user prompts. */
        PROMPT(null),
        /** The conversation: {@code modelInput.context}. Required when declared. */
        CONTEXT(InputRequirement.CONTEXT_MESSAGES),
        /** The documents. Required when declared. */
        DOCUMENTS(InputRequirement.DOCUMENTS),
        /** The ground truth. Required when declared. */
        GROUND_TRUTH(InputRequirement.GROUND_TRUTH),
        /** The agent's tool calls. Required when declared. */
        TOOL_CALLS(InputRequirement.TOOL_CALLS);

        private final InputRequirement requirement;

        Input(InputRequirement requirement) {
            this.requirement = requirement;
        }

        /** What a request must have when this input is declared, or {@code null}. */
        InputRequirement requirement() {
            return requirement;
        }

        /** The snake_case name, as a project file writes it ({@code "ground_truth"}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The input named {@code name} ({@code "documents"}).
         *
         * @throws IllegalArgumentException naming the allowed names
         */
        public static Input fromName(String name) {
            return CriteriaParts.lookup(values(), Input::wireName, name, "input");
        }
    }

    /** What one unit of the output is. */
    public enum Unit {
        /** The output as a whole: one unit. */
        OUTPUT(UnitKinds.WHOLE_OUTPUT, "the output as a whole"),
        /** Each factual claim (shares the claim partition with correctness). */
        CLAIM(UnitKinds.CLAIM, "each factual claim of the output"),
        /** Each sentence. */
        SENTENCE(UnitKinds.SENTENCE, "each sentence of the output"),
        /** Each item of the output's lists. */
        LIST_ITEM(UnitKinds.LIST_ITEM, "each list item of the output"),
        /** Each assistant turn of the conversation, the output as the last one; the judge reads the context. */
        TURN(UnitKinds.ASSISTANT_TURN, "each assistant turn of the conversation, the output being the last");

        private final UnitKind kind;
        private final String described;

        Unit(UnitKind kind, String described) {
            this.kind = kind;
            this.described = described;
        }

        /** The unit kind the engine partitions by. */
        public UnitKind kind() {
            return kind;
        }

        String described() {
            return described;
        }

        /** The snake_case name ({@code "list_item"}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The unit named {@code name} ({@code "sentence"}).
         *
         * @throws IllegalArgumentException naming the allowed names
         */
        public static Unit fromName(String name) {
            return CriteriaParts.lookup(values(), Unit::wireName, name, "unit");
        }
    }

    private final CriteriaParts parts;

    CriteriaMetric(CriteriaParts parts) {
        this.parts = parts;
    }

    /**
     * A builder for a criteria metric named {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is not a snake_case id of at most 64 characters
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return parts.name();
    }

    @Override
    public String description() {
        return parts.description();
    }

    @Override
    public Set<InputRequirement> requires() {
        return parts.requires();
    }

    @Override
    public double defaultThreshold() {
        return parts.threshold();
    }

    @Override
    public UnitKind unitKind() {
        return parts.unitKind();
    }

    @Override
    public String rubric() {
        return parts.rubric();
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return parts.evidence(request.modelInput());
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.WEIGHTED_SHARE;
    }

    @Override
    public String promptVersion() {
        return "criteria." + UnitKinds.VERSION;
    }

    /** The criteria sentence. */
    public String criteria() {
        return parts.criteria();
    }

    /** The rubric's bands from worst to best; empty for pass/fail. */
    public List<String> bands() {
        return parts.bands();
    }

    /** The pinned or written evaluation steps; empty until a judge wrote them, unless pinned. */
    public List<String> evaluationSteps() {
        return parts.steps();
    }

    /** Present while the metric has no evaluation steps: the evaluator's strongest judge writes them once. */
    @Override
    public Optional<StepsToWrite> stepsToWrite() {
        if (!parts.steps().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }

    @Override
    public String toString() {
        return name() + ": " + criteria();
    }

    /** Builds a {@link CriteriaMetric}; every option is a plain value, so a project file maps onto it directly. */
    public static final class Builder {
        private final String name;
        private String criteria;
        private String description;
        private final Set<Input> inputs = EnumSet.of(Input.PROMPT);
        private Unit unit = Unit.OUTPUT;
        private final List<String> bands = new ArrayList<>();
        private double threshold = DEFAULT_THRESHOLD;
        private final List<String> steps = new ArrayList<>();

        private Builder(String name) {
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("name must be a snake_case id of at most 64 characters"
                        + " ([a-z][a-z0-9_]*), but was: " + (name == null ? "null" : "'" + name + "'"));
            }
            this.name = name;
        }

        /** What a good output does, in a sentence or two, addressed to the judge. Required. */
        public Builder criteria(String criteria) {
            this.criteria = CriteriaParts.nonBlank(criteria, "criteria");
            return this;
        }

        /** One sentence on what the metric measures, for reports; by default the criteria. */
        public Builder description(String description) {
            this.description = CriteriaParts.nonBlank(description, "description");
            return this;
        }

        /** Replaces what the judge reads besides the output ({@link Input#PROMPT} by default). */
        public Builder inputs(Input... inputs) {
            this.inputs.clear();
            this.inputs.addAll(Arrays.asList(inputs));
            return this;
        }

        /** What a unit is ({@link Unit#OUTPUT} by default). */
        public Builder unit(Unit unit) {
            this.unit = CriteriaParts.notNull(unit, "unit");
            return this;
        }

        /** A rubric instead of pass/fail: 2 to 10 bands, one sentence each, from worst to best. */
        public Builder rubric(String... bands) {
            return rubric(Arrays.asList(bands));
        }

        /** As {@link #rubric(String...)}. */
        public Builder rubric(List<String> bands) {
            this.bands.clear();
            this.bands.addAll(CriteriaParts.sentences(bands, "rubric", 2, MAX_BANDS));
            return this;
        }

        /** Back to pass/fail per unit (the default). */
        public Builder passFail() {
            bands.clear();
            return this;
        }

        /** The default threshold in [0, 1] ({@value CriteriaMetric#DEFAULT_THRESHOLD} unless set). */
        public Builder threshold(double threshold) {
            this.threshold = Thresholds.check(threshold, "threshold");
            return this;
        }

        /** Pins the evaluation steps (1 to 8), so no judge writes them and runs do not depend on a judge's mood. */
        public Builder evaluationSteps(String... steps) {
            return evaluationSteps(Arrays.asList(steps));
        }

        /** As {@link #evaluationSteps(String...)}. */
        public Builder evaluationSteps(List<String> steps) {
            this.steps.clear();
            this.steps.addAll(CriteriaParts.sentences(steps, "evaluationSteps", 1, MAX_STEPS));
            return this;
        }

        /**
         * Builds the metric.
         *
         * @throws IllegalArgumentException if no criteria were given
         */
        public CriteriaMetric build() {
            if (criteria == null) {
                throw new IllegalArgumentException("criteria of metric '" + name + "' must be set: say in a sentence"
                        + " what a good output does, for example criteria(\"Polite, and ends with a concrete next"
                        + " step.\")");
            }
            return new CriteriaMetric(new CriteriaParts(name, criteria, description == null ? criteria : description,
                    Set.copyOf(inputs), unit, List.copyOf(bands), threshold, List.copyOf(steps)));
        }
    }
}
