package dev.railguard.engine.batchapi;

import dev.railguard.api.status.Internal;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.Redaction;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Sends an evaluator's judge calls through a provider's batch API, billed at about half the list price and answered
 * within the provider's window (24 hours) instead of seconds. For offline runs: nightly regression sets,
 * {@code railguard eval --batch-api} in CI, files of recorded traffic.
 *
 * <pre>{@code
 * BatchApi batch = BatchApi.openAi("https://api.openai.com/v1", System.getenv("OPENAI_API_KEY"))
 *     .jobFile(Path.of("railguard-out/batch-jobs.json"), inputHash)   // resumable across processes
 *     .build();
 * try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel).batchApi(batch).build()) {
 *     BatchEvaluator.builder().evaluator(evaluator).maxInFlight(10_000)...build().run();
 * }
 * }</pre>
 *
 * <p><b>Rounds.</b> Judge requests are collected until none has arrived for {@link Builder#quietPeriod}; then every
 * collected request goes into one batch job per model (split at the provider's limits: OpenAI 50,000 requests or
 * 200 MB, Anthropic 100,000 requests or 256 MB, Gemini 20 MB of inline requests). The run waits, polling with
 * back-off and reporting each batch's progress. The replies complete the evaluations through the same parsing, repair
 * call, verdict contract and cache as synchronous replies; what a reply starts (the verify call of a precision mode, an
 * arbitration, a repair call) is collected into the next round. So an evaluator submitting many evaluations at once
 * (a {@code BatchEvaluator} whose {@code maxInFlight} covers the file) makes one batch per round.
 *
 * <p><b>Failures.</b> A line the provider reports failed or expired, or that is missing from the results, fails that
 * request in a retriable way: the engine's retry sends it in the next round, up to the evaluator's
 * {@code maxCallAttempts}; with {@link Builder#synchronousFallback} it is sent to the synchronous API at once instead.
 * Nothing is dropped: a request that runs out of attempts is an ERROR verdict naming the provider's reason. Calls
 * with search tools (a tool loop needs a reply before the next request) go through the synchronous API.
 *
 * <p><b>Resume.</b> With a {@link Builder#jobFile}, every batch's id and the map from its lines to requests are
 * written to the file before the run waits. A run started again with the same file (after a crash or {@code kill -9})
 * finds each of its requests in the recorded batches and waits for them instead of submitting them again.
 *
 * <p><b>Costs.</b> A reply through the batch API is priced at the evaluator's batch price
 * ({@link dev.railguard.engine.PriceTable}); its {@code Usage.synchronousCost()} says what it would have cost
 * synchronously, and {@code Usage.cachedInputTokens()} the input tokens the provider served from its prompt cache.
 * Immutable; the API key is never logged, written to the job file or shown in a message.
 */
public final class BatchApi {

    /** The providers with a batch API Railguard can use. */
    public enum Provider {
        /** OpenAI's Batch API: a JSONL file through the Files endpoint, then {@code POST /batches}. */
        OPENAI("openai", 50_000, 200L * 1024 * 1024, "https://api.openai.com/v1"),
        /** Anthropic's Message Batches: {@code POST /v1/messages/batches} with the requests inline. */
        ANTHROPIC("anthropic", 100_000, 256L * 1024 * 1024, "https://api.anthropic.com"),
        /**
         * Gemini's batch mode: {@code POST /models/MODEL:batchGenerateContent} with the requests inline (20 MB at
         * most; no limit on their number is documented).
         */
        GEMINI("gemini", Integer.MAX_VALUE, 20L * 1024 * 1024, "https://generativelanguage.googleapis.com/v1beta");

        private final String id;
        private final int maxRequests;
        private final long maxBytes;
        private final String defaultBaseUrl;

        Provider(String id, int maxRequests, long maxBytes, String defaultBaseUrl) {
            this.id = id;
            this.maxRequests = maxRequests;
            this.maxBytes = maxBytes;
            this.defaultBaseUrl = defaultBaseUrl;
        }

        /** The provider's name as the CLI and the job file spell it. */
        public String id() {
            return id;
        }

        /** The most requests one batch job may hold. */
        public int maxRequests() {
            return maxRequests;
        }

        /** The largest batch input, in bytes. */
        public long maxBytes() {
            return maxBytes;
        }

        /** The provider's public endpoint. */
        public String defaultBaseUrl() {
            return defaultBaseUrl;
        }

        /** The names of the providers with a batch API, as the CLI and the project file spell them. */
        public static List<String> ids() {
            return Arrays.stream(values()).map(Provider::id).toList();
        }

        /**
         * The provider named {@code name} (case-insensitive).
         *
         * @throws IllegalArgumentException naming the value and the providers that have a batch API
         */
        public static Provider named(String name) {
            Objects.requireNonNull(name, "batchApi.provider must not be null");
            for (Provider p : values()) {
                if (p.id.equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("batchApi.provider must be one of " + ids() + ", but was: '" + name
                    + "'; Railguard knows no batch API of that provider: run without"
                    + " --batch-api to use its synchronous API");
        }
    }

    private final Provider provider;
    private final URI baseUrl;
    private final String apiKey;
    private final Path jobFile;
    private final String runKey;
    private final Duration quietPeriod;
    private final Duration initialPoll;
    private final Duration maxPoll;
    private final boolean synchronousFallback;
    private final int maxRequestsPerBatch;
    private final long maxBytesPerBatch;
    private final Consumer<String> progress;

    private BatchApi(Builder b) {
        this.provider = b.provider;
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        this.jobFile = b.jobFile;
        this.runKey = b.runKey;
        this.quietPeriod = b.quietPeriod;
        this.initialPoll = b.initialPoll;
        this.maxPoll = b.maxPoll;
        this.synchronousFallback = b.synchronousFallback;
        this.maxRequestsPerBatch = b.maxRequestsPerBatch == 0 ? provider.maxRequests() : b.maxRequestsPerBatch;
        this.maxBytesPerBatch = provider.maxBytes();
        this.progress = b.progress;
    }

    /** OpenAI's Batch API at {@code baseUrl} (for example {@code https://api.openai.com/v1}). */
    public static Builder openAi(String baseUrl, String apiKey) {
        return new Builder(Provider.OPENAI, baseUrl, apiKey);
    }

    /**
     * Anthropic's Message Batches at {@code baseUrl} (for example {@code https://api.anthropic.com}, with or without
     * {@code /v1}).
     */
    public static Builder anthropic(String baseUrl, String apiKey) {
        return new Builder(Provider.ANTHROPIC, baseUrl, apiKey);
    }

    /**
     * The batch API of the provider named {@code provider} (one of {@link Provider#ids()}).
     *
     * @throws IllegalArgumentException for a provider without a batch API Railguard can use
     */
    public static Builder of(String provider, String baseUrl, String apiKey) {
        return new Builder(Provider.named(provider), baseUrl, apiKey);
    }

    /** The provider. */
    public Provider provider() {
        return provider;
    }

    /** The provider's endpoint. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The API key; for the transport only (never print it: {@link #toString} leaves it out). */
    @Internal
    public String apiKey() {
        return apiKey;
    }

    /** The job file, or null when the run is not resumable across processes. */
    public Path jobFile() {
        return jobFile;
    }

    /** What identifies the run's input in the job file, or null. */
    public String runKey() {
        return runKey;
    }

    /** How long no request must arrive before a round is submitted. */
    public Duration quietPeriod() {
        return quietPeriod;
    }

    /** The first wait between two checks of a batch. */
    public Duration initialPoll() {
        return initialPoll;
    }

    /** The longest wait between two checks of a batch. */
    public Duration maxPoll() {
        return maxPoll;
    }

    /** Whether failed or expired lines go to the synchronous API instead of the next round. */
    public boolean synchronousFallback() {
        return synchronousFallback;
    }

    /** The most requests in one batch job. */
    public int maxRequestsPerBatch() {
        return maxRequestsPerBatch;
    }

    /** The largest batch input in bytes. */
    public long maxBytesPerBatch() {
        return maxBytesPerBatch;
    }

    /** Where progress lines go. */
    public Consumer<String> progress() {
        return progress;
    }

    @Override
    public String toString() {
        return "BatchApi[" + provider.id() + " at " + baseUrl + (jobFile == null ? "" : ", jobs in " + jobFile) + "]";
    }

    /** Builds a {@link BatchApi}; not thread-safe. Pass the result to {@link RailguardEvaluator.Builder#batchApi}. */
    public static final class Builder {
        private final Provider provider;
        private final URI baseUrl;
        private final String apiKey;
        private Path jobFile;
        private String runKey;
        private Duration quietPeriod = Duration.ofSeconds(2);
        private Duration initialPoll = Duration.ofSeconds(5);
        private Duration maxPoll = Duration.ofMinutes(5);
        private boolean synchronousFallback;
        private int maxRequestsPerBatch;
        private Consumer<String> progress = LoggerFactory.getLogger(BatchApi.class)::info;

        private Builder(Provider provider, String baseUrl, String apiKey) {
            this.provider = provider;
            String url = baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : baseUrl.strip();
            try {
                URI u = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
                if (u.getScheme() == null || !List.of("http", "https").contains(u.getScheme()) || u.getHost() == null) {
                    throw new IllegalArgumentException("no http(s) URL with a host");
                }
                this.baseUrl = u;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("batchApi.baseUrl must be an http or https URL, but was: '" + url
                        + "'");
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("batchApi.apiKey must not be blank: set the " + provider.id()
                        + " API key (RAILGUARD_JUDGE_API_KEY)");
            }
            this.apiKey = apiKey.strip();
            // a provider's or gateway's error reply may echo the key, whatever its shape: mask it everywhere
            Redaction.register(this.apiKey);
        }

        /**
         * Records the run's batches in {@code file}, so a run started again picks them up instead of submitting its
         * requests twice. {@code runKey} identifies the run's input (a hash of the input file, say): a job file
         * written for another run key is refused.
         */
        public Builder jobFile(Path file, String runKey) {
            this.jobFile = Objects.requireNonNull(file, "jobFile must not be null");
            this.runKey = Objects.requireNonNull(runKey, "runKey must not be null");
            return this;
        }

        /**
         * How long no request must arrive before a round is submitted; default 2 seconds (a pause of a loaded machine
         * while a large file is submitted should not split a round), 10 ms to 1 minute.
         */
        public Builder quietPeriod(Duration quiet) {
            this.quietPeriod = between("quietPeriod", quiet, Duration.ofMillis(10), Duration.ofMinutes(1));
            return this;
        }

        /**
         * The first and the longest wait between two checks of a batch (doubling in between); default 5 seconds and
         * 5 minutes.
         */
        public Builder pollInterval(Duration initial, Duration max) {
            this.initialPoll = between("pollInterval.initial", initial, Duration.ofMillis(10), Duration.ofHours(1));
            this.maxPoll = between("pollInterval.max", max, initialPoll, Duration.ofHours(1));
            return this;
        }

        /**
         * The first wait between two checks of a batch, doubling up to 5 minutes, or up to this wait when it is
         * longer.
         */
        public Builder pollInterval(Duration initial) {
            Duration fiveMinutes = Duration.ofMinutes(5);
            return pollInterval(initial, initial != null && initial.compareTo(fiveMinutes) > 0 ? initial : fiveMinutes);
        }

        /** Whether failed or expired lines go to the synchronous API at once (default false: the next round). */
        public Builder synchronousFallback(boolean allowed) {
            this.synchronousFallback = allowed;
            return this;
        }

        /** At most this many requests in one batch job, below the provider's limit; default the provider's limit. */
        public Builder maxRequestsPerBatch(int max) {
            if (max < 1 || max > provider.maxRequests()) {
                throw new IllegalArgumentException("maxRequestsPerBatch must be between 1 and "
                        + provider.maxRequests() + " (" + provider.id() + "'s limit), but was: " + max);
            }
            this.maxRequestsPerBatch = max;
            return this;
        }

        /** Where progress lines go; default the {@code BatchApi} logger at INFO. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress must not be null");
            return this;
        }

        /** Builds the configuration. */
        public BatchApi build() {
            return new BatchApi(this);
        }

        private static Duration between(String field, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, field + " must not be null");
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(field + " must be between " + min.toMillis() + " ms and "
                        + max.toMillis() + " ms, but was: " + value.toMillis() + " ms");
            }
            return value;
        }
    }
}
