package dev.railguard.evals;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A check on one argument value of a tool call, for {@link ReliabilityEval}. Values are as parsed from the call's
 * JSON: {@code String}, {@code Integer}/{@code Long}/{@code Double}/{@code BigInteger}/..., {@code Boolean},
 * {@code Map}, {@code List}, or null.
 */
public interface ArgumentMatcher {

    /** Whether {@code actual} is acceptable. */
    boolean matches(Object actual);

    /** What the matcher accepts, for failure messages. */
    String describe();

    /**
     * Deep equality with numeric normalisation: numbers are equal when their values are ({@code 10 == 10.0}), maps
     * and lists compare element by element with the same rule. No coercion between strings and numbers, nor between
     * booleans and numbers.
     */
    static ArgumentMatcher equalTo(Object expected) {
        return new ArgumentMatcher() {
            @Override
            public boolean matches(Object actual) {
                return deepEquals(expected, actual);
            }

            @Override
            public String describe() {
                return String.valueOf(expected);
            }
        };
    }

    /** The value, as text ({@code String.valueOf}), matches {@code regex} entirely; null never matches. */
    static ArgumentMatcher regex(String regex) {
        Pattern p = Pattern.compile(Objects.requireNonNull(regex, "regex must not be null"));
        return new ArgumentMatcher() {
            @Override
            public boolean matches(Object actual) {
                return actual != null && p.matcher(String.valueOf(actual)).matches();
            }

            @Override
            public String describe() {
                return "matching /" + regex + "/";
            }
        };
    }

    /** Any predicate, described by {@code description}. An exception from the predicate is a mismatch. */
    static ArgumentMatcher matching(String description, Predicate<Object> predicate) {
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(predicate, "predicate must not be null");
        return new ArgumentMatcher() {
            @Override
            public boolean matches(Object actual) {
                try {
                    return predicate.test(actual);
                } catch (RuntimeException e) {
                    return false;
                }
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** {@code value} itself when it is a matcher, else {@link #equalTo}. */
    static ArgumentMatcher of(Object value) {
        return value instanceof ArgumentMatcher m ? m : equalTo(value);
    }

    private static boolean deepEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            } catch (NumberFormatException e) {
                return x.doubleValue() == y.doubleValue();
            }
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!deepEquals(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
