package dev.railguard.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.config.JudgeProvider;
import dev.railguard.config.ProjectFileException;
import dev.railguard.engine.JudgeLimits;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.Redaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code judges:} section of a project file: one judge per entry, its key resolved from the environment variable
 * it names (registered for redaction), its limits and prices.
 *
 * @param panel  the judge panel
 * @param limits the limits per judge name
 * @param prices    the prices by model
 * @param endpoints each judge's provider, endpoint and key, in the file's order (for its batch API)
 */
public record JudgeSection(JudgePanel panel, Map<String, JudgeLimits> limits, PriceTable prices,
        List<Endpoint> endpoints) {

    /**
     * Where one judge is called.
     *
     * @param name     the judge's name
     * @param provider its provider
     * @param baseUrl  its endpoint, or null for the provider's
     * @param apiKey   its key, or null when it needs none; never shown by {@link #toString()}
     */
    public record Endpoint(String name, JudgeProvider provider, String baseUrl, String apiKey) {
        @Override
        public String toString() {
            return "Endpoint[" + name + ": " + provider.wireName() + " at " + (baseUrl == null ? "its default"
                    : baseUrl) + "]";
        }
    }

    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * Reads the section at {@code /judges} of {@code tree}, already checked against the schema; problems are added to
     * {@code problems} and the section is then null. Without {@code resolveKeys} (checking a file without its
     * environment) only names and provider modules are checked, and the section is null.
     */
    public static JudgeSection read(LocatedTree tree, Map<String, String> env, boolean resolveKeys,
            List<ProjectFileException.Problem> problems) {
        JsonNode judges = tree.root().path("judges");
        JudgePanel.Builder panel = JudgePanel.builder();
        Map<String, JudgeLimits> limits = new LinkedHashMap<>();
        PriceTable.Builder prices = PriceTable.builder();
        Map<String, String> names = new LinkedHashMap<>();
        List<Endpoint> endpoints = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < judges.size(); i++) {
            JsonNode j = judges.get(i);
            String at = "/judges/" + i;
            JudgeProvider provider = JudgeProvider.of(j.path("provider").asText());
            String model = j.path("model").asText();
            String name = j.path("name").asText(model);
            if (names.putIfAbsent(name, at) != null) {
                problems.add(tree.problemAt(at + (j.has("name") ? "/name" : "/model"), "judge name '" + name
                        + "' is taken by " + Keys.dotted(names.get(name)) + "; give each judge its own name"));
                continue;
            }
            try {
                JudgeModels.requireModule(provider, JudgeSection.class.getClassLoader());
            } catch (IllegalArgumentException e) {
                problems.add(tree.problemAt(at + "/provider", e.getMessage()));
                continue;
            }
            if (provider.defaultBaseUrl().isEmpty() && !j.has("base_url")) {
                problems.add(tree.problemAt(at + "/provider", "provider " + provider.wireName() + " needs base_url:"
                        + " the v1 endpoint of your resource, https://RESOURCE.openai.azure.com/openai/v1"));
                continue;
            }
            for (int a = 0; a < j.path("aliases").size(); a++) {
                try {
                    panel.alias(j.get("aliases").get(a).asText(), model);
                } catch (IllegalArgumentException e) {
                    problems.add(tree.problemAt(at + "/aliases/" + a, e.getMessage()));
                }
            }
            if (!resolveKeys) {
                continue;
            }
            String key = j.has("api_key") ? resolve(tree, at + "/api_key", j.get("api_key").asText(), env, problems)
                    : provider.keyVariable().map(env::get).orElse(null);
            String baseUrl = j.has("base_url") ? resolve(tree, at + "/base_url", j.get("base_url").asText(), env,
                    problems) : null;
            if (problems.size() > before) {
                continue;
            }
            Redaction.register(key);
            endpoints.add(new Endpoint(name, provider, baseUrl, key));
            var model4j = JudgeModels.build(new JudgeModels.Spec(provider, model, baseUrl, key,
                    Duration.ofSeconds(j.path("timeout_seconds").asLong(60))));
            List<JudgeTier> tiers = new ArrayList<>();
            if (j.has("tiers")) {
                j.get("tiers").forEach(t -> tiers.add(JudgeTier.valueOf(t.asText().toUpperCase(Locale.ROOT))));
            } else {
                tiers.addAll(List.of(JudgeTier.values()));
            }
            tiers.forEach(t -> panel.judge(t, name, model4j));
            if (j.has("limits")) {
                JsonNode l = j.get("limits");
                limits.put(name, JudgeLimits.ofConcurrency(l.path("concurrency").asInt(8))
                        .withRequestsPerMinute(l.path("requests_per_minute").asInt(0))
                        .withTokensPerMinute(l.path("tokens_per_minute").asLong(0)));
            }
            if (j.has("prices")) {
                prices.perMillionTokens(model, j.get("prices").get("input").asDouble(),
                        j.get("prices").get("output").asDouble());
            }
        }
        return problems.size() > before || !resolveKeys ? null : new JudgeSection(panel.build(), limits, prices.build(),
                List.copyOf(endpoints));
    }

    /** {@code value} with each {@code ${NAME}} replaced by the variable; an unset variable is a problem. */
    private static String resolve(LocatedTree tree, String pointer, String value, Map<String, String> env,
            List<ProjectFileException.Problem> problems) {
        Matcher m = REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null || v.isBlank()) {
                problems.add(tree.problemAt(pointer, "the environment variable " + m.group(1) + " is not set"));
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.trim()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
