package dev.railguard.store;

import dev.railguard.api.Checks;
import java.util.Objects;

/**
 * The local usage record that DeepRails' {@code billing_request_id} names: what evaluating one event cost.
 *
 * @param billingRequestId {@code bill_...}
 * @param judgeCalls       judge calls made (cache hits excluded)
 * @param cacheHits        judge calls answered from the cache
 * @param inputTokens      tokens sent
 * @param outputTokens     tokens received
 * @param cost             cost in the price table's currency, 0 without a price table
 */
public record BillingRecord(String billingRequestId, int judgeCalls, int cacheHits, long inputTokens,
        long outputTokens, double cost) {

    /** Validates. */
    public BillingRecord {
        Objects.requireNonNull(billingRequestId, "billingRequestId must not be null");
        if (!billingRequestId.startsWith("bill_") || billingRequestId.length() > 64) {
            throw new IllegalArgumentException("billingRequestId must start with 'bill_' and have at most 64"
                    + " characters, but was: '" + billingRequestId + "'");
        }
        Checks.atLeast(judgeCalls, 0, "judgeCalls of " + billingRequestId);
        Checks.atLeast(cacheHits, 0, "cacheHits of " + billingRequestId);
        Checks.atLeast(inputTokens, 0L, "inputTokens of " + billingRequestId);
        Checks.atLeast(outputTokens, 0L, "outputTokens of " + billingRequestId);
        Checks.atLeast(cost, 0.0, "cost of " + billingRequestId);
    }
}
