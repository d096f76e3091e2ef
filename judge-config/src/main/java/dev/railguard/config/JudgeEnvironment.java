package dev.railguard.config;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.config.internal.BatchApiSection;
import dev.railguard.config.internal.JudgeModels;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.Redaction;
import dev.railguard.engine.JudgeTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The judge configuration read from environment variables or system properties (a system property wins): a provider
 * (an OpenAI-compatible endpoint by default: OpenAI, vLLM, LM Studio, ...; or Azure OpenAI, Anthropic, Gemini, Ollama),
 * its endpoint and key, and the model of each tier. A project file ({@link RailguardProject}) that declares judges
 * replaces these settings.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>environment variable</th><th>system property</th><th>meaning</th></tr>
 * <tr><td>RAILGUARD_JUDGE_PROVIDER</td><td>railguard.judge.provider</td><td>one of {@code openai} (default),
 * {@code azure-openai}, {@code anthropic}, {@code gemini}, {@code ollama} ({@link JudgeProvider})</td></tr>
 * <tr><td>RAILGUARD_JUDGE_BASE_URL</td><td>railguard.judge.baseUrl</td><td>the endpoint, default the provider's
 * ({@code https://api.openai.com/v1} for openai, also read from OPENAI_BASE_URL)</td></tr>
 * <tr><td>RAILGUARD_JUDGE_API_KEY</td><td>railguard.judge.apiKey</td><td>the key (also read from the provider's own
 * variable: OPENAI_API_KEY, AZURE_OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY); a local server without keys
 * needs only the base URL</td></tr>
 * <tr><td>RAILGUARD_JUDGE_MODEL</td><td>railguard.judge.model</td><td>the model of every tier, default
 * {@code gpt-4o-mini}</td></tr>
 * <tr><td>RAILGUARD_JUDGE_MODEL_FAST, _STANDARD, _STRONG, _CODE</td><td>railguard.judge.model.fast, ...</td><td>the
 * model(s) of one tier, comma-separated for several judges (the precision modes need two distinct judges)</td></tr>
 * <tr><td>RAILGUARD_JUDGE_PRICES</td><td>railguard.judge.prices</td><td>optional prices per million tokens, for
 * {@code Usage.cost()}: {@code model=input:output} pairs separated by commas, for example
 * {@code gpt-4o-mini=0.15:0.60,gpt-4o=2.5:10}</td></tr>
 * <tr><td>RAILGUARD_JUDGE_TIMEOUT_SECONDS</td><td>railguard.judge.timeoutSeconds</td><td>per-call timeout, default
 * 60</td></tr>
 * </table>
 *
 * A judge is configured when a base URL or an API key is set, or a provider is named. Judges are built with LangChain4j's own retries off:
 * the engine retries, honouring {@code Retry-After}.
 */
public final class JudgeEnvironment {

    /** What to set when no judge is configured; quoted by every "no judge" message. */
    public static final String HOW_TO_CONFIGURE = "No judge is configured. Set RAILGUARD_JUDGE_BASE_URL (an"
            + " OpenAI-compatible endpoint, default https://api.openai.com/v1) and RAILGUARD_JUDGE_API_KEY, and"
            + " optionally RAILGUARD_JUDGE_MODEL (default gpt-4o-mini) or per tier RAILGUARD_JUDGE_MODEL_FAST,"
            + " _STANDARD, _STRONG, _CODE (comma-separated for several judges); or the system properties"
            + " railguard.judge.baseUrl, railguard.judge.apiKey, railguard.judge.model, railguard.judge.model.<tier>."
            + " RAILGUARD_JUDGE_PROVIDER picks azure-openai, anthropic, gemini or ollama instead of an OpenAI-compatible"
            + " endpoint; a project file (railguard.yaml) may declare the judges instead.";

    private static final String DEFAULT_MODEL = "gpt-4o-mini";

    private final Map<String, String> settings;

    private JudgeEnvironment(Map<String, String> settings) {
        this.settings = settings;
    }

    /** The configuration of this process: its environment variables and system properties. */
    public static JudgeEnvironment fromSystem() {
        return from(System.getenv(), System.getProperties());
    }

    /** The configuration given by {@code env} and {@code properties} (a property wins over a variable). */
    public static JudgeEnvironment from(Map<String, String> env, Properties properties) {
        Map<String, String> s = new HashMap<>();
        put(s, "provider", env.get("RAILGUARD_JUDGE_PROVIDER"));
        String providerName = properties.getProperty("railguard.judge.provider", s.get("provider"));
        JudgeProvider provider = providerName == null ? JudgeProvider.OPENAI : provider(providerName);
        if (provider == JudgeProvider.OPENAI) {
            put(s, "baseUrl", env.get("OPENAI_BASE_URL"));
        }
        provider.keyVariable().ifPresent(v -> put(s, "apiKey", env.get(v)));
        put(s, "baseUrl", env.get("RAILGUARD_JUDGE_BASE_URL"));
        put(s, "apiKey", env.get("RAILGUARD_JUDGE_API_KEY"));
        put(s, "model", env.get("RAILGUARD_JUDGE_MODEL"));
        put(s, "timeoutSeconds", env.get("RAILGUARD_JUDGE_TIMEOUT_SECONDS"));
        put(s, "prices", env.get("RAILGUARD_JUDGE_PRICES"));
        for (JudgeTier tier : JudgeTier.values()) {
            put(s, "model." + tier.name().toLowerCase(Locale.ROOT), env.get("RAILGUARD_JUDGE_MODEL_" + tier.name()));
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("railguard.judge.")) {
                put(s, name.substring("railguard.judge.".length()), properties.getProperty(name));
            }
        }
        for (Map.Entry<String, String> e : s.entrySet()) {
            if ((e.getKey().equals("model") || e.getKey().startsWith("model."))
                    && java.util.Arrays.stream(e.getValue().split(",")).allMatch(String::isBlank)) {
                String suffix = e.getKey().equals("model") ? "" : "_" + e.getKey().substring(6).toUpperCase(Locale.ROOT);
                throw new IllegalArgumentException("RAILGUARD_JUDGE_MODEL" + suffix + " (railguard.judge." + e.getKey()
                        + ") must list at least one model name, comma-separated, but was: '" + e.getValue() + "'");
            }
        }
        // the keys never appear in a rationale, diagnostic, results file, report or message (a 401 body may echo one)
        provider.keyVariable().ifPresent(v -> Redaction.register(env.get(v)));
        Redaction.register(env.get("OPENAI_API_KEY"));
        Redaction.register(env.get("RAILGUARD_JUDGE_API_KEY"));
        Redaction.register(s.get("apiKey"));
        return new JudgeEnvironment(s);
    }

    private static JudgeProvider provider(String name) {
        try {
            return JudgeProvider.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RAILGUARD_JUDGE_PROVIDER (railguard.judge.provider) must be one of "
                    + JudgeProvider.wireNames() + ", but was: '" + name.trim() + "'");
        }
    }

    private static void put(Map<String, String> s, String key, String value) {
        if (value != null && !value.isBlank()) {
            s.put(key, value.trim());
        }
    }

    /** Whether a judge is configured (a base URL or an API key is set, or a provider named). */
    public boolean configured() {
        return settings.containsKey("baseUrl") || settings.containsKey("apiKey") || settings.containsKey("provider");
    }

    /** The provider of the judges; {@link JudgeProvider#OPENAI} unless one is named. */
    public JudgeProvider provider() {
        return settings.containsKey("provider") ? JudgeProvider.of(settings.get("provider")) : JudgeProvider.OPENAI;
    }

    /** The base URL judges are called at: the one set, else the provider's default (empty for Azure OpenAI). */
    public String baseUrl() {
        return settings.getOrDefault("baseUrl", provider().defaultBaseUrl().orElse(""));
    }

    /**
     * The batch API of {@code provider} (one of {@link BatchApi.Provider#ids()}; null or blank for the judges'
     * provider) at this configuration's base URL and key, or at the provider's public endpoint when no base URL is set.
     *
     * @throws IllegalArgumentException for a provider without a batch API Railguard can use, or another provider than
     *                                  the judges'
     */
    public BatchApi.Builder batchApi(String provider) {
        String judges = provider().wireName();
        boolean named = provider != null && !provider.isBlank();
        BatchApi.Provider p = named ? BatchApi.Provider.named(provider) : BatchApiSection.batchProvider(judges)
                .orElseThrow(() -> new IllegalArgumentException(BatchApiSection.noBatchApi(judges)));
        if (!p.id().equals(judges)) {
            throw new IllegalArgumentException(BatchApiSection.mismatch(p.id(), "each judge of the environment"
                    + " (RAILGUARD_JUDGE_PROVIDER)", judges, "set RAILGUARD_JUDGE_PROVIDER=" + p.id() + " to judge"
                    + " with that provider's models"));
        }
        return BatchApi.of(p.id(), settings.get("baseUrl"), settings.getOrDefault("apiKey", "not-needed"));
    }

    /** The model names of {@code tier}. */
    public List<String> models(JudgeTier tier) {
        String value = settings.getOrDefault("model." + tier.name().toLowerCase(Locale.ROOT),
                settings.getOrDefault("model", DEFAULT_MODEL));
        List<String> out = new ArrayList<>();
        for (String m : value.split(",")) {
            if (!m.isBlank()) {
                out.add(m.trim());
            }
        }
        return out;
    }

    /**
     * The judge panel this configuration describes: one judge of the provider per distinct model, named after the
     * model, placed in every tier that lists it. Empty when no judge is configured.
     *
     * @throws IllegalArgumentException if the timeout setting is not a positive whole number, the provider's module
     *                                  is missing, or Azure OpenAI has no base URL
     */
    public Optional<JudgePanel> panel() {
        if (!configured()) {
            return Optional.empty();
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds());
        Map<String, ChatModel> models = new HashMap<>();
        JudgePanel.Builder panel = JudgePanel.builder();
        String baseUrl = settings.get("baseUrl");
        for (JudgeTier tier : JudgeTier.values()) {
            for (String modelName : models(tier)) {
                ChatModel model = models.computeIfAbsent(modelName, m -> JudgeModels.build(new JudgeModels.Spec(
                        provider(), m, baseUrl, settings.get("apiKey"), timeout)));
                panel.judge(tier, modelName, model);
            }
        }
        return Optional.of(panel.build());
    }

    /**
     * The judge panel.
     *
     * @throws IllegalStateException with {@link #HOW_TO_CONFIGURE} when no judge is configured
     */
    public JudgePanel requirePanel() {
        return panel().orElseThrow(() -> new IllegalStateException(HOW_TO_CONFIGURE));
    }

    /**
     * The prices set by {@code RAILGUARD_JUDGE_PRICES} / {@code railguard.judge.prices}, or {@link PriceTable#NONE}.
     *
     * @throws IllegalArgumentException naming the setting and the entry when an entry is not {@code model=input:output}
     *                                  with two non-negative numbers
     */
    public PriceTable prices() {
        String value = settings.get("prices");
        if (value == null) {
            return PriceTable.NONE;
        }
        PriceTable.Builder table = PriceTable.builder();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            String[] io = eq < 0 ? new String[0] : entry.substring(eq + 1).split(":");
            try {
                if (io.length != 2 || entry.substring(0, eq).isBlank()) {
                    throw new NumberFormatException();
                }
                table.perMillionTokens(entry.substring(0, eq).trim(), Double.parseDouble(io[0].trim()),
                        Double.parseDouble(io[1].trim()));
            } catch (IllegalArgumentException bad) { // NumberFormatException included
                throw new IllegalArgumentException("RAILGUARD_JUDGE_PRICES entries must be model=input:output with"
                        + " prices per million tokens (for example gpt-4o-mini=0.15:0.60), but one was: '"
                        + entry.trim() + "'");
            }
        }
        return table.build();
    }

    private long timeoutSeconds() {
        String value = settings.getOrDefault("timeoutSeconds", "60");
        try {
            long t = Long.parseLong(value);
            if (t > 0) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("RAILGUARD_JUDGE_TIMEOUT_SECONDS must be a positive whole number of"
                + " seconds, but was: '" + value + "'");
    }

    @Override
    public String toString() {
        return configured() ? "JudgeEnvironment{provider=" + provider().wireName() + ", baseUrl=" + baseUrl() + ", standard=" + models(JudgeTier.STANDARD) + "}"
                : "JudgeEnvironment{not configured}";
    }
}
