package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBANs: from each country code and check digits, exactly as many letters and digits as that country's IBAN has
 * (Commons Validator's registry), grouped by one kind of separator (space or dash) or none, then the country's format
 * and the mod-97 checksum. Taking the country's length keeps a following word out of the match.
 */
final class IbanRecognizer implements Recognizer {

    private static final Pattern START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}");
    private static final IBANValidator IBANS = IBANValidator.getInstance();

    @Override
    public PiiFinding.Type type() {
        return PiiFinding.Type.IBAN_CODE;
    }

    @Override
    public void scan(String text, List<Candidate> out) {
        Matcher m = START.matcher(text);
        while (m.find()) {
            IBANValidator.Validator country = IBANS.getValidator(text.substring(m.start(), m.start() + 2));
            if (country == null) {
                continue;
            }
            int end = end(text, m.start(), country.getIbanLength());
            if (end > 0 && Checksums.iban(text.substring(m.start(), end))) {
                out.add(new Candidate(type(), m.start(), end, 1.0, "IBAN, country format and mod-97 (Commons Validator)"));
                m.region(end, text.length());
            }
        }
    }

    /** The end of {@code length} letters and digits from {@code start} with one kind of separator, or -1. */
    private static int end(String text, int start, int length) {
        int count = 0;
        char separator = 0;
        int i = start;
        while (i < text.length() && count < length) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                count++;
            } else if ((c == ' ' || c == '-') && (separator == 0 || separator == c) && count > 0
                    && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
                separator = c;
            } else {
                return -1;
            }
            i++;
        }
        boolean boundary = i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
        return count == length && boundary ? i : -1;
    }
}
