package dev.railguard.testkit;

import dev.railguard.format.PromptSections;
import dev.railguard.format.DeepRailsField;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.railguard.api.Checks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges whose accuracy is known, for proving an instrument that measures judges (meta-evaluation) without a model.
 * Each judge is a {@link ChatModel} that reads Railguard's judge prompts (the find-and-judge calls of {@code fast} and
 * {@code super_fast}, the partition and verify calls of the precision modes, the {@code ultra_fast} call), takes each
 * non-blank line of the output section as one unit (of the user prompt for a partition that is not shown the
 * output), looks up the unit's true verdict in a {@link UnitTruth}, and answers through the same reply shapes as
 * {@link JudgeReplies}, every confidence {@code high} (a kind with labels gets the first label its schema allows on
 * every unit).
 *
 * <pre>{@code
 * SimulatedJudges judges = SimulatedJudges.builder()
 *     .truth((metric, unit) -> truths.get(unit))   // null: the judge cannot answer, the call fails
 *     .errorRate(0.2)                               // each judge errs on a unit with p = 0.2
 *     .correlation(0.0)                             // 0: independently; 1: every judge errs on the same units
 *     .flipRate(0.0)                                // each call inverts each verdict with q, independently
 *     .seed(7).build();
 * JudgePanel panel = JudgePanel.builder().standard("a", judges.judge("a")).standard("b", judges.judge("b")).build();
 * }</pre>
 *
 * <p><b>Errors.</b> Whether judge {@code j} errs on a unit is decided once per judge, metric and unit (a judge at
 * temperature 0 makes the same mistake every time it is asked): with probability {@code correlation} the unit's
 * shared draw decides for every judge, otherwise the judge's own draw, each an error with probability
 * {@code errorRate}. So every judge errs with probability {@code errorRate}, and the errors of two judges correlate
 * with coefficient {@code correlation}. On top of that, each call inverts each verdict with probability
 * {@code flipRate}, drawn afresh per call (the run-to-run noise of a sampling judge): two runs of one judge then
 * disagree on a unit with probability 2q(1 - q).
 *
 * <p>Draws come from a hash of the seed, the judge name, the metric, the unit text and the call count, not from a
 * shared random stream, so results do not depend on the order in which concurrent calls arrive. Unit texts should be
 * unique in a data set. Thread-safe.
 */
public final class SimulatedJudges {

    /** The true verdict of a unit, as the human labels say. */
    @FunctionalInterface
    public interface UnitTruth {
        /**
         * Whether {@code unit} meets {@code metric}'s rubric, or {@code null} when unknown (the simulated judge then
         * fails the call, so the metric is ERROR, never a guess).
         */
        Boolean satisfied(String metric, String unit);
    }

    private static final Pattern UNIT_LINE = Pattern.compile("^\\[(\\d+)] (.*)$");
    private static final Pattern LABEL_SUFFIX = Pattern.compile("^(.*) \\(([^()]*)\\)$");

    private final UnitTruth truth;
    private final double errorRate;
    private final double correlation;
    private final double flipRate;
    private final long seed;
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    private SimulatedJudges(Builder b) {
        this.truth = Objects.requireNonNull(b.truth, "truth must be set");
        this.errorRate = b.errorRate;
        this.correlation = b.correlation;
        this.flipRate = b.flipRate;
        this.seed = b.seed;
    }

    /** A builder; {@code truth} is required, the rates default to 0 and the seed to 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The judge named {@code name}: its own draws, as the class describes; the name should be its panel name. */
    public ScriptedChatModel judge(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return ScriptedChatModel.answering(request -> reply(name, request));
    }

    /**
     * Whether judge {@code judge} errs on {@code unit} of {@code metric} before any per-call flip: its persistent
     * error, as decided by the seed. For tests that compare measured agreement with the simulated truth.
     */
    public boolean errs(String judge, String metric, String unit) {
        boolean shared = uniform("correlated", "", metric, unit, 0) < correlation;
        return shared ? uniform("shared", "", metric, unit, 0) < errorRate
                : uniform("own", judge, metric, unit, 0) < errorRate;
    }

    private String reply(String judge, ChatRequest request) {
        JsonSchema schema = request.responseFormat() == null ? null : request.responseFormat().jsonSchema();
        if (schema == null) {
            throw new IllegalStateException("simulated judge '" + judge + "' answers only JSON-schema requests");
        }
        String name = schema.name();
        String user = ScriptedChatModel.userText(request);
        if (name.startsWith("railguard_partition_")) {
            JudgeReplies.Found found = JudgeReplies.found();
            String label = firstLabel(schema);
            // a kind whose units come from the prompts (instructions, completeness requests) sees no output
            String source = user.contains("<<<BEGIN " + PromptSections.MODEL_OUTPUT + " ") ? PromptSections.MODEL_OUTPUT
                    : DeepRailsField.USER_PROMPT.key();
            units(section(user, source)).forEach(u -> found.unit(u, label));
            return found.json();
        }
        if (name.equals("railguard_verdicts")) {
            JudgeReplies.Scores scores = JudgeReplies.scores();
            List<String> units = units(section(user, PromptSections.MODEL_OUTPUT));
            for (String metric : metricsOf(schema)) {
                long yes = units.stream().filter(u -> verdict(judge, metric, u)).count();
                scores.score(metric, units.isEmpty() ? 0.0 : (double) yes / units.size(), "simulated");
            }
            return scores.json();
        }
        if (name.endsWith("_verify")) {
            String metric = name.substring("railguard_".length(), name.length() - "_verify".length());
            JudgeReplies.Verdicts verdicts = JudgeReplies.verdicts();
            for (String line : section(user, "units").split("\n")) {
                Matcher m = UNIT_LINE.matcher(line.strip());
                if (m.matches()) {
                    boolean y = verdict(judge, metric, unitText(metric, m.group(2)));
                    verdicts.verdict(Integer.parseInt(m.group(1)), y ? "Y" : "N", "high", "simulated");
                }
            }
            return verdicts.json();
        }
        for (String suffix : List.of("_units", "_holistic")) {
            if (name.endsWith(suffix)) {
                String metric = name.substring("railguard_".length(), name.length() - suffix.length());
                JudgeReplies units = JudgeReplies.units();
                String label = firstLabel(schema);
                for (String u : units(section(user, PromptSections.MODEL_OUTPUT))) {
                    units.unit(u, label, verdict(judge, metric, u) ? "Y" : "N", "high", "simulated");
                }
                return units.json();
            }
        }
        throw new IllegalStateException("simulated judge '" + judge + "' does not know the reply schema '" + name + "'");
    }

    /** The verdict judge {@code judge} gives on {@code unit} in this call. */
    private boolean verdict(String judge, String metric, String unit) {
        Boolean satisfied = truth.satisfied(metric, unit);
        if (satisfied == null) {
            throw new IllegalStateException("simulated judge '" + judge + "' has no true verdict for unit '" + unit
                    + "' of metric '" + metric + "'");
        }
        boolean answer = errs(judge, metric, unit) != satisfied;
        if (flipRate > 0) {
            int call = asked.computeIfAbsent(judge + '\u0000' + metric + '\u0000' + unit, k -> new AtomicInteger())
                    .getAndIncrement();
            if (uniform("flip", judge, metric, unit, call) < flipRate) {
                answer = !answer;
            }
        }
        return answer;
    }

    /** A listed unit's text: the line, or the line without a trailing " (label)" when only that is known. */
    private String unitText(String metric, String listed) {
        if (truth.satisfied(metric, listed) == null) {
            Matcher m = LABEL_SUFFIX.matcher(listed);
            if (m.matches() && truth.satisfied(metric, m.group(1)) != null) {
                return m.group(1);
            }
        }
        return listed;
    }

    private double uniform(String stream, String judge, String metric, String unit, int call) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (String part : new String[] {stream, judge, metric, unit}) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                h = mix(h ^ (b & 0xff));
            }
            h = mix(h ^ 0xff51afd7ed558ccdL);
        }
        h = mix(h ^ call);
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static final Map<String, Pattern> SECTIONS = new ConcurrentHashMap<>();

    /** The text of the fenced section {@code label} of a judge prompt. */
    static String section(String prompt, String label) {
        Matcher m = SECTIONS.computeIfAbsent(label, l -> Pattern.compile("<<<BEGIN " + Pattern.quote(l)
                + " (\\d+)>>>\\n(.*?)\\n<<<END " + Pattern.quote(l) + " \\1>>>", Pattern.DOTALL)).matcher(prompt);
        if (!m.find()) {
            throw new IllegalStateException("the judge prompt has no section '" + label + "'");
        }
        return m.group(2);
    }

    private static List<String> units(String output) {
        List<String> units = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                units.add(line.strip());
            }
        }
        return units;
    }

    /**
     * The first label a units reply may carry (a kind with labels: safety categories, completeness dimensions), or
     * empty when the unit schema has no label field.
     */
    private static String firstLabel(JsonSchema schema) {
        if (schema.rootElement() instanceof JsonObjectSchema root && root.properties() != null
                && root.properties().get("units") instanceof JsonArraySchema units
                && units.items() instanceof JsonObjectSchema item && item.properties() != null
                && item.properties().get("label") instanceof JsonStringSchema label
                && label.description() != null && label.description().startsWith("one of: ")) {
            return label.description().substring("one of: ".length()).split(", ")[0];
        }
        return "";
    }

    private static List<String> metricsOf(JsonSchema schema) {
        JsonSchemaElement metrics = ((JsonObjectSchema) schema.rootElement()).properties().get("metrics");
        JsonObjectSchema item = (JsonObjectSchema) ((JsonArraySchema) metrics).items();
        return ((JsonEnumSchema) item.properties().get("metric")).enumValues();
    }

    /** Settings of {@link SimulatedJudges}. */
    public static final class Builder {
        private UnitTruth truth;
        private double errorRate;
        private double correlation;
        private double flipRate;
        private long seed = 1;

        private Builder() {}

        /** The true verdict of each unit (required). */
        public Builder truth(UnitTruth truth) {
            this.truth = Objects.requireNonNull(truth, "truth must not be null");
            return this;
        }

        /** The probability that a judge errs on a unit, persistently (0 to 1, default 0). */
        public Builder errorRate(double p) {
            this.errorRate = probability("errorRate", p);
            return this;
        }

        /** The correlation of the errors of two judges (0 = independent, 1 = the same units; default 0). */
        public Builder correlation(double rho) {
            this.correlation = probability("correlation", rho);
            return this;
        }

        /** The probability that one call inverts a verdict, drawn per call (0 to 1, default 0). */
        public Builder flipRate(double q) {
            this.flipRate = probability("flipRate", q);
            return this;
        }

        /** The seed of every draw (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The judges. */
        public SimulatedJudges build() {
            return new SimulatedJudges(this);
        }

        private static double probability(String field, double value) {
            return Checks.between(value, 0, 1, field);
        }
    }
}
