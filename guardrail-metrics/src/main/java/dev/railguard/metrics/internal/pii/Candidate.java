package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding;

/**
 * What one recognizer found, before context words and overlaps are settled.
 *
 * @param type  the entity type
 * @param start the first character, inclusive
 * @param end   the last character, exclusive
 * @param score the recognizer's confidence in 0..1
 * @param rule  the name of the rule that matched, for the finding's explanation
 */
record Candidate(PiiFinding.Type type, int start, int end, double score, String rule) {

    boolean overlaps(Candidate o) {
        return start < o.end && o.start < end;
    }

    Candidate withScore(double s, String why) {
        return new Candidate(type, start, end, s, rule + why);
    }
}
