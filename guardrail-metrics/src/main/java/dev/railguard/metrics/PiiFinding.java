package dev.railguard.metrics;

import dev.railguard.api.Thresholds;
import java.util.Locale;
import java.util.Objects;

/**
 * One piece of personally identifiable information found in a text by {@link PiiMetric}.
 *
 * @param type  what it is
 * @param start the index of its first character in the text (a {@code char} index, as {@link String#substring})
 * @param end   the index after its last character (half-open)
 * @param text  the matched text, as it appears
 * @param score how sure the recognizer is, in 0..1 (context words raise it; see {@link PiiMetric})
 * @param rule  the rule that found it, and the context word that raised its score if one did
 */
public record PiiFinding(Type type, int start, int end, String text, double score, String rule) {

    /** The kinds of PII the recognizers find, named as Presidio names its entities. */
    public enum Type {
        /** An e-mail address (internationalised domains included), by Commons Validator. */
        EMAIL_ADDRESS,
        /** A phone number valid in its region, by libphonenumber. */
        PHONE_NUMBER,
        /** A payment card number that passes the Luhn check. */
        CREDIT_CARD,
        /** An IBAN of its country's length and format with a valid mod-97 checksum. */
        IBAN_CODE,
        /** An IPv4 or IPv6 address, with its CIDR prefix; loopback and unspecified addresses score low. */
        IP_ADDRESS,
        /** A URL or a bare domain name on a known top-level domain. Not in the default set. */
        URL,
        /** A Bitcoin address with a valid base58check or bech32/bech32m checksum. */
        CRYPTO,
        /** A US social security number in any written form, with the ranges the SSA never issues excluded. */
        US_SSN,
        /** A US individual taxpayer identification number. */
        US_ITIN,
        /** A US bank account number (a run of 8 to 17 digits: needs its context words). */
        US_BANK_NUMBER,
        /** A US driver's licence number (needs its context words). */
        US_DRIVER_LICENSE,
        /** A US passport number (needs its context words). */
        US_PASSPORT,
        /** A UK NHS number with a valid mod-11 check digit. */
        UK_NHS,
        /** A UK national insurance number. */
        UK_NINO,
        /** A Spanish DNI/NIF with its control letter. */
        ES_NIF,
        /** A Spanish NIE with its control letter. */
        ES_NIE,
        /** An Italian codice fiscale; its control letter makes it sure. */
        IT_FISCAL_CODE,
        /** An Indian Aadhaar number with a valid Verhoeff check digit. */
        IN_AADHAAR,
        /** An Indian permanent account number. */
        IN_PAN,
        /** A Singapore NRIC or FIN. */
        SG_NRIC_FIN,
        /** An Australian tax file number with a valid check digit. */
        AU_TFN,
        /** An Australian business number with a valid mod-89 check. */
        AU_ABN,
        /** An Australian company number with a valid check digit. */
        AU_ACN,
        /** An Australian Medicare card number with a valid check digit. */
        AU_MEDICARE,
        /** A Polish PESEL with a real birth date and a valid check digit. */
        PL_PESEL,
        /** A Finnish personal identity code (henkilötunnus) with a real date and a valid control character. */
        FI_PERSONAL_IDENTITY_CODE,
        /** A person's name, by a user-supplied OpenNLP name finder model. */
        PERSON,
        /** A place or street address, by a user-supplied OpenNLP name finder model. */
        LOCATION;

        /** The snake_case label used as the unit label, for example {@code "credit_card"}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type tag a redaction writes, for example {@code "<EMAIL_ADDRESS>"}. */
        public String tag() {
            return "<" + name() + ">";
        }
    }

    /** Validates. */
    public PiiFinding {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, but was: " + start + ".." + end);
        }
        Thresholds.check(score, "score");
    }

    /** The text with all but its first two and last two letters or digits replaced by {@code *}. */
    public String masked() {
        StringBuilder sb = new StringBuilder(text.length());
        int alnum = (int) text.codePoints().filter(Character::isLetterOrDigit).count();
        int seen = 0;
        for (int cp : text.codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp)) {
                seen++;
                sb.appendCodePoint(seen <= 2 || seen > alnum - 2 ? cp : '*');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }
}
