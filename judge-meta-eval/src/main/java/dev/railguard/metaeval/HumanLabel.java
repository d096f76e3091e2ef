package dev.railguard.metaeval;

import java.util.Locale;

/** What a person decided about an output on one metric, or about one unit of it. */
public enum HumanLabel {
    /** The output (or unit) meets the metric. */
    PASS,
    /** It does not: the failure a guardrail exists to catch. */
    FAIL;

    /**
     * The label written {@code value} ({@code "PASS"} or {@code "FAIL"}, any case), for messages naming
     * {@code field}.
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public static HumanLabel parse(String field, String value) {
        if (value != null) {
            switch (value.strip().toUpperCase(Locale.ROOT)) {
                case "PASS" -> {
                    return PASS;
                }
                case "FAIL" -> {
                    return FAIL;
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException(field + " must be one of [PASS, FAIL], but was: "
                + (value == null ? "null" : "'" + value + "'"));
    }
}
