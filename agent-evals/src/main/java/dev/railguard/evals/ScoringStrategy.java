package dev.railguard.evals;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an agent-as-judge eval scores: PASS/FAIL, or 1..10 against a threshold. */
public enum ScoringStrategy {
    /** The judge says PASS or FAIL; there is no score. */
    BINARY,
    /** The judge gives 1..10; a case passes when its score is at least the threshold. */
    NUMERIC;

    /** {@code binary} or {@code numeric}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The strategy named {@code name}, in lower case as Agno's enum spells it.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static ScoringStrategy fromWireName(String name) {
        for (ScoringStrategy s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("scoring_strategy must be one of binary, numeric, but was: " + name);
    }
}
