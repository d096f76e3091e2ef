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
 */
public final class PriceTable {

    /** No prices: every call costs 0. */
    public static final PriceTable NONE = new PriceTable(Map.of());

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

    private PriceTable(Map<String, Price> prices) {
        this.prices = prices;
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

    @Override
    public String toString() {
        return "PriceTable" + prices;
    }

    /** Builds a {@link PriceTable}; not thread-safe, reusable. */
    public static final class Builder {
        private final Map<String, Price> prices = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the price of {@code model} per million input and output tokens.
         *
         * @throws IllegalArgumentException if {@code model} is blank or a price is negative, infinite or NaN
         */
        public Builder perMillionTokens(String model, double input, double output) {
            Objects.requireNonNull(model, "model must not be null");
            if (model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank, but was: '" + model + "'");
            }
            prices.put(model, new Price(input, output));
            return this;
        }

        /** Builds the table. */
        public PriceTable build() {
            return new PriceTable(Map.copyOf(prices));
        }
    }
}
