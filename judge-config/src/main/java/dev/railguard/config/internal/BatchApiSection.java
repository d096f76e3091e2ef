package dev.railguard.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.config.JudgeProvider;
import dev.railguard.config.ProjectFileException;
import dev.railguard.engine.batchapi.BatchApi;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code batch_api:} section of a project file: the judge calls of a run go through a provider's batch API, with
 * the options of {@code railguard eval --batch-api}. Every judge call of an evaluator goes through its one batch API,
 * so the judges must all be of that provider; this class holds that rule and its wording for the file and the CLI.
 *
 * @param provider            the provider named in the file, or empty for the judges' provider
 * @param synchronousFallback whether failed or expired lines go to the synchronous API at once
 * @param firstPoll           the first wait between two checks of a batch, or empty for the default
 */
public record BatchApiSection(Optional<String> provider, boolean synchronousFallback, Optional<Duration> firstPoll) {

    /**
     * Reads {@code /batch_api} of {@code tree}, already of the schema's shape, adding a problem when the file's judges
     * cannot all go through the batch API; empty when the file has no such section.
     */
    public static Optional<BatchApiSection> read(LocatedTree tree, List<ProjectFileException.Problem> problems) {
        JsonNode b = tree.root().path("batch_api");
        if (!b.isObject()) {
            return Optional.empty();
        }
        BatchApiSection section = new BatchApiSection(Optional.ofNullable(b.path("provider").textValue()),
                b.path("sync_fallback").asBoolean(false), b.has("poll_seconds")
                        ? Optional.of(Duration.ofMillis(Math.round(b.get("poll_seconds").asDouble() * 1000)))
                        : Optional.empty());
        JsonNode judges = tree.root().path("judges");
        if (judges.isArray() && !judges.isEmpty()) {
            String at = "/batch_api" + (b.has("provider") ? "/provider" : "");
            JudgeProvider first = JudgeProvider.of(judges.get(0).path("provider").asText());
            String provider = section.provider().orElse(first.wireName());
            if (batchProvider(provider).isEmpty()) {
                problems.add(tree.problemAt(at, noBatchApi(provider)));
                return Optional.of(section);
            }
            for (int i = 0; i < judges.size(); i++) {
                JsonNode j = judges.get(i);
                String judgeProvider = j.path("provider").asText();
                if (!JudgeProvider.of(judgeProvider).wireName().equals(provider)) {
                    problems.add(tree.problemAt(at, mismatch(provider, "judges[" + i + "] ('"
                            + j.path("name").asText(j.path("model").asText()) + "')", judgeProvider,
                            "declare judges of that one provider, or remove batch_api")));
                    break;
                }
            }
        }
        return Optional.of(section);
    }

    /** The batch API provider of the judge provider named {@code provider}, if it has one Railguard can use. */
    public static Optional<BatchApi.Provider> batchProvider(String provider) {
        return Arrays.stream(BatchApi.Provider.values()).filter(p -> p.id().equals(provider)).findFirst();
    }

    /** Why the judges' provider {@code provider} cannot carry a run's judge calls through a batch API. */
    public static String noBatchApi(String provider) {
        return "the judges' provider is " + provider + ", which has no batch API Railguard can use; the providers with"
                + " one are " + BatchApi.Provider.ids();
    }

    /** Why a judge of {@code judgeProvider} cannot be called through the batch API of {@code batchProvider}. */
    public static String mismatch(String batchProvider, String judge, String judgeProvider, String remedy) {
        return "every judge call goes through the batch API of " + batchProvider + ", but " + judge
                + " is of provider " + judgeProvider + "; " + remedy;
    }
}
