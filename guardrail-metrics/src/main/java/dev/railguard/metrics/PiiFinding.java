package dev.railguard.metrics;

import java.util.Objects;

/**
 * One piece of personally identifiable information found in a text by {@link PiiMetric}.
 *
 * @param type  what it is
 * @param start the index of its first character in the text
 * @param end   the index after its last character (half-open, as {@link String#substring(int, int)})
 * @param text  the matched text, as it appears
 */
public record PiiFinding(Type type, int start, int end, String text) {

    /** The kinds of PII the detectors find. */
    public enum Type {
        /** An e-mail address. */
        EMAIL("email"),
        /** A payment card number of 13 to 19 digits that passes the Luhn check. */
        PAYMENT_CARD("payment_card"),
        /** An IBAN whose ISO 13616 mod-97 checksum is valid. */
        IBAN("iban"),
        /** A US social security number written {@code ddd-dd-dddd}, with the ranges the SSA never issues excluded. */
        US_SSN("us_ssn"),
        /** A phone number: international ({@code +} and 7 to 15 digits) or North American ({@code (ddd) ddd-dddd}). */
        PHONE("phone"),
        /** An IPv4 address. */
        IPV4("ipv4"),
        /** An IPv6 address. */
        IPV6("ipv6");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** The snake_case label used as the unit label, for example {@code "payment_card"}. */
        public String label() {
            return label;
        }
    }

    /** Validates. */
    public PiiFinding {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(text, "text must not be null");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, but was: " + start + ".." + end);
        }
    }

    /** The text with all but its first two and last two letters or digits replaced by {@code *}. */
    public String masked() {
        StringBuilder sb = new StringBuilder(text.length());
        int alnum = (int) text.chars().filter(Character::isLetterOrDigit).count();
        int seen = 0;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                seen++;
                sb.append(seen <= 2 || seen > alnum - 2 ? c : '*');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
