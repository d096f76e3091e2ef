package dev.railguard.store;

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
        if (judgeCalls < 0 || cacheHits < 0 || inputTokens < 0 || outputTokens < 0 || cost < 0 || Double.isNaN(cost)) {
            throw new IllegalArgumentException("billing counts of " + billingRequestId + " must not be negative, but"
                    + " were: judgeCalls=" + judgeCalls + ", cacheHits=" + cacheHits + ", inputTokens=" + inputTokens
                    + ", outputTokens=" + outputTokens + ", cost=" + cost);
        }
    }
}
