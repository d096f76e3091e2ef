package dev.railguard.engine;

import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The judges an evaluator may ask, by tier. A tier may hold several judges; the precision modes use two distinct
 * ones. Immutable.
 *
 * <pre>{@code
 * JudgePanel panel = JudgePanel.builder()
 *     .judge(JudgeTier.FAST, "mini", miniModel)
 *     .judge(JudgeTier.STANDARD, "gpt-4o", gpt4o)
 *     .judge(JudgeTier.STANDARD, "claude", claude)
 *     .build();
 * JudgePanel one = JudgePanel.single("judge", model);   // one judge serving every tier
 * }</pre>
 */
public final class JudgePanel {

    private final Map<JudgeTier, List<Judge>> byTier;
    private final Map<String, Judge> byName;
    private final Map<String, String> aliases;

    private JudgePanel(Map<JudgeTier, List<Judge>> byTier, Map<String, Judge> byName, Map<String, String> aliases) {
        this.byTier = byTier;
        this.byName = byName;
        this.aliases = aliases;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A panel of one judge that serves every tier. Modes that need two distinct judges cannot run on it. */
    public static JudgePanel single(String name, ChatModel model) {
        Builder b = builder();
        Judge judge = Judge.of(name, model);
        for (JudgeTier tier : JudgeTier.values()) {
            b.add(tier, judge);
        }
        return b.build();
    }

    /** A panel with no judge: only in-process metrics can run. */
    public static JudgePanel empty() {
        return builder().build();
    }

    /** The judges of {@code tier}, in the order they were added. */
    public List<Judge> judges(JudgeTier tier) {
        return byTier.getOrDefault(tier, List.of());
    }

    /** Every distinct judge, in the order they were added. */
    public List<Judge> all() {
        return List.copyOf(byName.values());
    }

    /** The judge named {@code name}. */
    public Optional<Judge> judge(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether the panel has no judge at all. */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * Up to {@code count} distinct judges of {@code tier} (one {@code ChatModel} instance registered under two names
     * counts once), leaving out the one whose model produced the output ({@code modelUsed}) whenever the tier has
     * enough judges without it.
     */
    public List<Judge> pick(JudgeTier tier, int count, String modelUsed) {
        List<Judge> candidates = judges(tier);
        List<Judge> preferred = new ArrayList<>();
        List<Judge> self = new ArrayList<>();
        for (Judge j : candidates) {
            // one ChatModel instance under two names is one judge
            if (preferred.stream().noneMatch(p -> p.model() == j.model())
                    && self.stream().noneMatch(p -> p.model() == j.model())) {
                (isModelUsed(j, modelUsed) ? self : preferred).add(j);
            }
        }
        List<Judge> out = new ArrayList<>(preferred.subList(0, Math.min(count, preferred.size())));
        for (Judge j : self) {
            if (out.size() < count) {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * Whether {@code modelUsed} (the model that produced an output) names {@code judge}'s model, by its model name or
     * its judge name, compared in {@link #modelNormalForm normal form} after this panel's
     * {@linkplain Builder#alias aliases}; such a judge never judges that output while its tier has another judge.
     */
    public boolean isModelUsed(Judge judge, String modelUsed) {
        if (modelUsed == null || modelUsed.isBlank()) {
            return false;
        }
        String used = canonical(modelUsed);
        return canonical(judge.modelName()).equals(used) || canonical(judge.name()).equals(used);
    }

    private static final Pattern MODEL_SUFFIX = Pattern.compile(
            "(?:[-:]latest|-\\d{4}-\\d{2}-\\d{2}|[-@]\\d{8}|-(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))$");

    /**
     * The normal form of a model name, by which a request's {@code modelUsed} is matched with a judge's model: a
     * dated or prefixed name is the same model ({@code gpt-4o-2024-08-06}, {@code openai/gpt-4o}, {@code GPT-4o} and
     * {@code gpt-4o-latest} are all {@code gpt-4o}). The rules, in order:
     * <ol>
     * <li>surrounding white space is dropped and the name is lower-cased;</li>
     * <li>a provider or path prefix is dropped: everything up to the last {@code /} ({@code openai/gpt-4o},
     *     {@code models/gemini-1.5-pro});</li>
     * <li>a {@code -latest} or {@code :latest} suffix is dropped;</li>
     * <li>a date suffix is dropped: {@code -YYYY-MM-DD}, {@code -YYYYMMDD}, {@code @YYYYMMDD} (Vertex AI) or OpenAI's
     *     four-digit {@code -MMDD} snapshots ({@code gpt-4-0613}).</li>
     * </ol>
     * Steps 3 and 4 repeat until nothing changes. Anything else stays: {@code gpt-4o-mini} is not {@code gpt-4o}, and
     * a name no rule connects to its model (an Azure deployment name) is declared with {@link Builder#alias}.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public static String modelNormalForm(String name) {
        Objects.requireNonNull(name, "model name must not be null");
        String n = name.strip().toLowerCase(Locale.ROOT);
        n = n.substring(n.lastIndexOf('/') + 1);
        String before;
        do {
            before = n;
            n = MODEL_SUFFIX.matcher(n).replaceFirst("");
        } while (!n.equals(before) && !n.isEmpty());
        return n.isEmpty() ? before : n;
    }

    /** The declared aliases, each in normal form: alias to model. */
    public Map<String, String> aliases() {
        return aliases;
    }

    private String canonical(String name) {
        String n = modelNormalForm(name);
        return aliases.getOrDefault(n, n);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("JudgePanel{");
        byTier.forEach((tier, judges) -> sb.append(tier.name().toLowerCase()).append('=').append(judges).append(", "));
        if (!byTier.isEmpty()) {
            sb.setLength(sb.length() - 2);
        }
        return sb.append('}').toString();
    }

    /** Builds a {@link JudgePanel}; not thread-safe. */
    public static final class Builder {
        private final Map<JudgeTier, List<Judge>> byTier = new EnumMap<>(JudgeTier.class);
        private final Map<String, Judge> byName = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Declares that {@code alias} names {@code model}, for names no {@link JudgePanel#modelNormalForm normal form} rule connects:
         * an Azure OpenAI deployment ({@code alias("prod-chat", "gpt-4o")}), a proxy's route name. Self-judging is
         * then found whichever of the two names a request's {@code modelUsed} or a judge carries. Both names are
         * compared in normal form.
         *
         * @throws IllegalArgumentException if a name is blank, or {@code alias} was declared for another model
         */
        public Builder alias(String alias, String model) {
            Objects.requireNonNull(alias, "alias must not be null");
            Objects.requireNonNull(model, "model must not be null");
            if (alias.isBlank() || model.isBlank()) {
                throw new IllegalArgumentException("alias and model must not be blank, but were: '" + alias + "', '"
                        + model + "'");
            }
            String a = modelNormalForm(alias);
            String m = modelNormalForm(model);
            String target = aliases.getOrDefault(m, m);
            String existing = aliases.putIfAbsent(a, target);
            if (existing != null && !existing.equals(target)) {
                throw new IllegalArgumentException("alias '" + alias + "' already names model '" + existing
                        + "', so it cannot also name '" + model + "'");
            }
            return this;
        }

        /**
         * Adds a judge named {@code name} to {@code tier}. The same name may be added to several tiers only with the
         * same model.
         *
         * @throws IllegalArgumentException if another model was already added under {@code name}
         */
        public Builder judge(JudgeTier tier, String name, ChatModel model) {
            Objects.requireNonNull(tier, "tier must not be null");
            Judge existing = byName.get(name);
            if (existing != null) {
                if (existing.model() != model) {
                    throw new IllegalArgumentException("judge name '" + name
                            + "' is already used by another model; give each judge a unique name");
                }
                return add(tier, existing);
            }
            return add(tier, Judge.of(name, model));
        }

        /** Adds a judge to {@code tier}. */
        public Builder add(JudgeTier tier, Judge judge) {
            Objects.requireNonNull(tier, "tier must not be null");
            Objects.requireNonNull(judge, "judge must not be null");
            Judge existing = byName.putIfAbsent(judge.name(), judge);
            if (existing != null && existing.model() != judge.model()) {
                throw new IllegalArgumentException("judge name '" + judge.name()
                        + "' is already used by another model; give each judge a unique name");
            }
            List<Judge> list = byTier.computeIfAbsent(tier, t -> new ArrayList<>());
            if (!list.contains(byName.get(judge.name()))) {
                list.add(byName.get(judge.name()));
            }
            return this;
        }

        /** Shorthand for {@code judge(JudgeTier.FAST, name, model)}. */
        public Builder fast(String name, ChatModel model) {
            return judge(JudgeTier.FAST, name, model);
        }

        /** Shorthand for {@code judge(JudgeTier.STANDARD, name, model)}. */
        public Builder standard(String name, ChatModel model) {
            return judge(JudgeTier.STANDARD, name, model);
        }

        /** Shorthand for {@code judge(JudgeTier.STRONG, name, model)}. */
        public Builder strong(String name, ChatModel model) {
            return judge(JudgeTier.STRONG, name, model);
        }

        /** Shorthand for {@code judge(JudgeTier.CODE, name, model)}. */
        public Builder code(String name, ChatModel model) {
            return judge(JudgeTier.CODE, name, model);
        }

        /** Builds the panel; the builder may be reused. */
        public JudgePanel build() {
            Map<JudgeTier, List<Judge>> tiers = new EnumMap<>(JudgeTier.class);
            byTier.forEach((t, l) -> tiers.put(t, List.copyOf(l)));
            return new JudgePanel(Collections.unmodifiableMap(tiers), Collections.unmodifiableMap(new LinkedHashMap<>(byName)),
                    Map.copyOf(aliases));
        }
    }
}
