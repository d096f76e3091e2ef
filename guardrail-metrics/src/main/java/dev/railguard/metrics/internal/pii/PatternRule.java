package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer made of a regular expression, a score, and optionally a validity rule (a check digit, a real date).
 * A match that breaks the rule is dropped, or kept at {@code scoreIfInvalid} when that is 0 or more (Italy's fiscal
 * code: a typo in the control letter still leaves a personal code). Group 1, when the pattern has one, is the span.
 *
 * @param type           the entity type
 * @param name           the rule's name, shown with each finding
 * @param pattern        where to look
 * @param score          the score of a match that passes the rule
 * @param valid          the validity rule, or {@code null} for none
 * @param scoreIfInvalid the score of a match that fails the rule, or a negative number to drop it
 */
record PatternRule(PiiFinding.Type type, String name, Pattern pattern, double score, Predicate<String> valid,
        double scoreIfInvalid) implements Recognizer {

    static PatternRule of(PiiFinding.Type type, String name, String regex, double score) {
        return new PatternRule(type, name, Pattern.compile(regex), score, null, -1);
    }

    static PatternRule checked(PiiFinding.Type type, String name, String regex, double score,
            Predicate<String> valid) {
        return new PatternRule(type, name, Pattern.compile(regex), score, valid, -1);
    }

    PatternRule caseInsensitive() {
        return new PatternRule(type, name, Pattern.compile(pattern.pattern(), Pattern.CASE_INSENSITIVE), score, valid,
                scoreIfInvalid);
    }

    PatternRule orIfInvalid(double s) {
        return new PatternRule(type, name, pattern, score, valid, s);
    }

    @Override
    public void scan(String text, List<Candidate> out) {
        Matcher m = pattern.matcher(text);
        int group = m.groupCount() >= 1 ? 1 : 0;
        while (m.find()) {
            int start = m.start(group);
            int end = m.end(group);
            if (start < 0) {
                continue;
            }
            String s = text.substring(start, end);
            if (valid == null || valid.test(s)) {
                out.add(new Candidate(type, start, end, score, name));
            } else if (scoreIfInvalid >= 0) {
                out.add(new Candidate(type, start, end, scoreIfInvalid, name + ", check digit wrong"));
            }
        }
    }
}
