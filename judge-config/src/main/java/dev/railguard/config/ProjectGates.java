package dev.railguard.config;

import java.util.Map;
import java.util.OptionalInt;

/**
 * When a run fails, as a project file's {@code gates:} declares it.
 *
 * @param failUnder  per metric, the lowest pass rate (PASS over PASS, FAIL and ERROR) that passes
 * @param maxSkipped the most input lines that may be skipped; empty for the default (a run fails when it evaluated
 *                   nothing)
 */
public record ProjectGates(Map<String, Double> failUnder, OptionalInt maxSkipped) {

    /** Copies. */
    public ProjectGates {
        failUnder = Map.copyOf(failUnder);
    }
}
