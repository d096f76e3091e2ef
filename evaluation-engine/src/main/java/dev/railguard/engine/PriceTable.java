package dev.railguard.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What judge tokens cost, per model: turns the tokens of every judge call into {@link dev.railguard.api.Usage#cost()},
 * so results, batch summaries, reports, workflow and monitor events show money as well as tokens. Prices are per
 * million tokens in whatever currency you choose; a model that is not in the table costs 0 (and its tokens are still
 * counted). Immutable.
 *
 * <pre>{@code
 * PriceTable prices = PriceTable.builder()
 *     .perMillionTokens("gpt-4o-mini", 0.15, 0.60)      // input, output
 *     .perMillionTokens("gpt-4o", 2.50, 10.00)
 *     .build();
 * RailguardEvaluator.builder().judges(panel).prices(prices).build();
 * }</pre>
 *
 * A judge is priced by its model name ({@link Judge#modelName()}), which for an {@code OpenAiChatModel} is the model it
 * was built with.
 *
 * <p><b>Batch and cached-input prices.</b> Calls sent through a provider's batch API ({@code BatchApi}) are billed at
 * the batch price: by default {@link #DEFAULT_BATCH_FRACTION} of the list price, as OpenAI and Anthropic sell them;
 * {@link Builder#batchFraction} changes the fraction and {@link Builder#batchPerMillionTokens} sets a model's batch
 * prices outright. Input tokens the provider reports as served from its prompt cache cost the cached-input price
 * ({@link Builder#cachedInputPerMillionTokens}), and those it reports as written to the cache the cache-write price
 * ({@link Builder#cacheWriteInputPerMillionTokens}); at batch prices, times the fraction. Not set, they cost the
 * input price times the provider's rule ({@link CacheBilling}): Anthropic's 0.1 for reads and 1.25 for writes, the
 * input price itself for OpenAI and Gemini, whose discount varies by model.
 */
public final class PriceTable {

    /** No prices: every call costs 0. */
    public static final PriceTable NONE = new PriceTable(Map.of(), Map.of(), Map.of(), Map.of(), 0.5);

    /** The default batch price as a fraction of the list price: half, as OpenAI's and Anthropic's batch APIs bill. */
    public static final double DEFAULT_BATCH_FRACTION = 0.5;

    /**
     * How a provider bills the input tokens of its prompt cache, as fractions of the input price, for a model whose
     * cached-input or cache-write price the table does not set.
     *
     * @param readFraction  tokens served from the cache, {@code >= 0}
     * @param writeFraction tokens written to the cache, {@code >= 0}
     */
    public record CacheBilling(double readFraction, double writeFraction) {
        /** Cache reads and writes at the input price: for providers whose rule varies by model (OpenAI, Gemini). */
        public static final CacheBilling AT_INPUT_PRICE = new CacheBilling(1.0, 1.0);
        /** Anthropic's: cache reads at 0.1 times the input price, (5-minute) cache writes at 1.25 times. */
        public static final CacheBilling ANTHROPIC = new CacheBilling(0.1, 1.25);

        /** Validates. */
        public CacheBilling {
            if (!(readFraction >= 0) || !(writeFraction >= 0) || Double.isInfinite(readFraction)
                    || Double.isInfinite(writeFraction)) {
                throw new IllegalArgumentException("cache billing fractions must be finite and >= 0, but were: read "
                        + readFraction + ", write " + writeFraction);
            }
        }
    }

    /**
     * The price of one model.
     *
     * @param inputPerMillion  the price of a million prompt tokens, {@code >= 0}
     * @param outputPerMillion the price of a million completion tokens, {@code >= 0}
     */
    public record Price(double inputPerMillion, double outputPerMillion) {
        /** Validates. */
        public Price {
            if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                    || Double.isInfinite(outputPerMillion)) {
                throw new IllegalArgumentException("prices must be finite and >= 0, but were: input "
                        + inputPerMillion + ", output " + outputPerMillion);
            }
        }
    }

    private final Map<String, Price> prices;
    private final Map<String, Price> batchPrices;
    private final Map<String, Double> cachedInput;
    private final Map<String, Double> cacheWrite;
    private final double batchFraction;

    private PriceTable(Map<String, Price> prices, Map<String, Price> batchPrices, Map<String, Double> cachedInput,
            Map<String, Double> cacheWrite, double batchFraction) {
        this.prices = prices;
        this.batchPrices = batchPrices;
        this.cachedInput = cachedInput;
        this.cacheWrite = cacheWrite;
        this.batchFraction = batchFraction;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The price of {@code model}, if the table has one. */
    public Optional<Price> price(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    /** The cost of {@code inputTokens} and {@code outputTokens} on {@code model}; 0 for a model without a price. */
    public double cost(String model, long inputTokens, long outputTokens) {
        Price p = prices.get(model);
        return p == null ? 0.0 : (inputTokens * p.inputPerMillion() + outputTokens * p.outputPerMillion()) / 1_000_000.0;
    }

    /**
     * The cost of one call on {@code model}: {@code cachedInputTokens} of the {@code inputTokens} at the cached-input
     * price, the rest at the input price, the output at the output price; at batch prices when {@code batch}. 0 for a
     * model without a price.
     */
    public double cost(String model, long inputTokens, long cachedInputTokens, long outputTokens, boolean batch) {
        return cost(model, inputTokens, cachedInputTokens, 0, outputTokens, batch, CacheBilling.AT_INPUT_PRICE);
    }

    /**
     * The cost of one call on {@code model} whose {@code inputTokens} include {@code cacheReadTokens} served from the
     * provider's prompt cache and {@code cacheWriteTokens} written to it: those at the cached-input and cache-write
     * prices when the table sets them (times the batch fraction at batch prices), else at the input price times
     * {@code provider}'s fractions; the rest at the input price, the output at the output price; at batch prices when
     * {@code batch}. 0 for a model without a price.
     */
    public double cost(String model, long inputTokens, long cacheReadTokens, long cacheWriteTokens, long outputTokens,
            boolean batch, CacheBilling provider) {
        Price list = prices.get(model);
        Price batchPrice = batchPrices.get(model);
        if (list == null && batchPrice == null) {
            return 0.0;
        }
        Price p = !batch ? list : batchPrice != null ? batchPrice
                : new Price(list.inputPerMillion() * batchFraction, list.outputPerMillion() * batchFraction);
        if (p == null) {
            return 0.0;
        }
        double fraction = batch ? batchFraction : 1.0;
        double readPrice = cachedInput.containsKey(model) ? cachedInput.get(model) * fraction
                : p.inputPerMillion() * provider.readFraction();
        double writePrice = cacheWrite.containsKey(model) ? cacheWrite.get(model) * fraction
                : p.inputPerMillion() * provider.writeFraction();
        return ((inputTokens - cacheReadTokens - cacheWriteTokens) * p.inputPerMillion()
                + cacheReadTokens * readPrice + cacheWriteTokens * writePrice
                + outputTokens * p.outputPerMillion()) / 1_000_000.0;
    }

    @Override
    public String toString() {
        return "PriceTable" + prices + (batchPrices.isEmpty() ? "" : ", batch " + batchPrices)
                + (cachedInput.isEmpty() ? "" : ", cached input " + cachedInput)
                + (cacheWrite.isEmpty() ? "" : ", cache write " + cacheWrite) + ", batch fraction " + batchFraction;
    }

    /** Builds a {@link PriceTable}; not thread-safe, reusable. */
    public static final class Builder {
        private final Map<String, Price> prices = new LinkedHashMap<>();
        private final Map<String, Price> batchPrices = new LinkedHashMap<>();
        private final Map<String, Double> cachedInput = new LinkedHashMap<>();
        private final Map<String, Double> cacheWrite = new LinkedHashMap<>();
        private double batchFraction = DEFAULT_BATCH_FRACTION;

        private Builder() {}

        /**
         * Sets the batch prices of {@code model} per million input and output tokens, instead of the list price times
         * the batch fraction.
         *
         * @throws IllegalArgumentException if {@code model} is blank or a price is negative, infinite or NaN
         */
        public Builder batchPerMillionTokens(String model, double input, double output) {
            batchPrices.put(checkModel(model), new Price(input, output));
            return this;
        }

        /**
         * Sets the price of a million input tokens of {@code model} that the provider served from its prompt cache
         * (OpenAI reports them as {@code prompt_tokens_details.cached_tokens}); default the input price.
         *
         * @throws IllegalArgumentException if {@code model} is blank or the price is negative, infinite or NaN
         */
        public Builder cachedInputPerMillionTokens(String model, double cachedInput) {
            this.cachedInput.put(checkModel(model), new Price(cachedInput, 0).inputPerMillion());
            return this;
        }

        /**
         * Sets the price of a million input tokens of {@code model} that the provider wrote to its prompt cache
         * (Anthropic reports them as {@code cache_creation_input_tokens}); default the provider's rule (Anthropic:
         * 1.25 times the input price).
         *
         * @throws IllegalArgumentException if {@code model} is blank or the price is negative, infinite or NaN
         */
        public Builder cacheWriteInputPerMillionTokens(String model, double cacheWriteInput) {
            this.cacheWrite.put(checkModel(model), new Price(cacheWriteInput, 0).inputPerMillion());
            return this;
        }

        /**
         * The batch price as a fraction of the list price, for models without {@link #batchPerMillionTokens}; default
         * {@link #DEFAULT_BATCH_FRACTION}.
         *
         * @throws IllegalArgumentException if {@code fraction} is not in (0, 1]
         */
        public Builder batchFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("batchFraction must be in (0, 1], but was: " + fraction);
            }
            this.batchFraction = fraction;
            return this;
        }

        private static String checkModel(String model) {
            Objects.requireNonNull(model, "model must not be null");
            if (model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank, but was: '" + model + "'");
            }
            return model;
        }

        /**
         * Sets the price of {@code model} per million input and output tokens.
         *
         * @throws IllegalArgumentException if {@code model} is blank or a price is negative, infinite or NaN
         */
        public Builder perMillionTokens(String model, double input, double output) {
            prices.put(checkModel(model), new Price(input, output));
            return this;
        }

        /** Builds the table. */
        public PriceTable build() {
            return new PriceTable(Map.copyOf(prices), Map.copyOf(batchPrices), Map.copyOf(cachedInput),
                    Map.copyOf(cacheWrite), batchFraction);
        }
    }
}
