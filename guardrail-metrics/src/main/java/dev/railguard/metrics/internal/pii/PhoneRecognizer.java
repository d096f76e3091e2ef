package dev.railguard.metrics.internal.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import dev.railguard.metrics.PiiFinding;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as Google's libphonenumber finds them: every number written in international form ({@code +}), and
 * national forms of each region to try, kept only when the number is valid for its region (libphonenumber's
 * {@code Leniency.VALID}: a real area code and length, not just a digit shape). A number found under several regions
 * is reported once.
 *
 * <p>libphonenumber is asked only about the stretches of the text that could be a number, not the whole text once per
 * region: six digits or more with phone-number punctuation between them, with four characters either side (which it
 * reads to tell times and words from numbers); a stretch written with {@code +} once; a national stretch once for each
 * region whose numbers can have its count of digits (with or without the national or country prefix, from
 * libphonenumber's own metadata); a stretch that is a date ({@code 2024-01-15}, {@code 15.01.2024}) never, as
 * libphonenumber would reject it. The matches are the same; the cost on texts full of dates, prices and order numbers
 * is a fraction.
 */
final class PhoneRecognizer implements Recognizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern STRETCH = Pattern.compile(
            "[+(\uFF0B]*\\d[\\d \\t\u00A0().\\-/\u2010-\u2015]*\\d");
    private static final Pattern DATE = Pattern.compile(
            "\\(?\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\)?|\\(?\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\)?");

    private final Map<String, BitSet> digitCounts = new LinkedHashMap<>();

    PhoneRecognizer(List<String> regions) {
        for (String region : regions) {
            PhoneMetadata m = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                    .getMetadataForRegion(region);
            BitSet counts = new BitSet();
            int prefix = m.getNationalPrefix().length();
            int country = String.valueOf(m.getCountryCode()).length();
            for (int n : m.getGeneralDesc().getPossibleLengthList()) {
                counts.set(n);
                counts.set(n + prefix);
                counts.set(n + country);
            }
            digitCounts.put(region, counts);
        }
    }

    @Override
    public PiiFinding.Type type() {
        return PiiFinding.Type.PHONE_NUMBER;
    }

    @Override
    public void scan(String text, List<Candidate> out) {
        Matcher stretch = STRETCH.matcher(text);
        while (stretch.find()) {
            int digits = Checksums.digits(stretch.group()).length();
            if (digits < 6 || DATE.matcher(stretch.group().trim()).matches()) {
                continue;
            }
            int from = Math.max(0, stretch.start() - 4);
            String window = text.substring(from, Math.min(text.length(), stretch.end() + 4));
            boolean international = stretch.group().charAt(0) == '+' || stretch.group().charAt(0) == '\uFF0B';
            int before = out.size();
            for (Map.Entry<String, BitSet> region : digitCounts.entrySet()) {
                if (international || region.getValue().get(digits)) {
                    find(window, from, region.getKey(), before, out);
                    if (international) {
                        break; // the region does not matter after a +
                    }
                }
            }
        }
    }

    private void find(String window, int offset, String region, int before, List<Candidate> out) {
        for (PhoneNumberMatch m : PHONES.findNumbers(window, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            int start = offset + m.start();
            int end = offset + m.end();
            boolean seen = false;
            for (int i = before; i < out.size() && !seen; i++) {
                seen = out.get(i).start() == start && out.get(i).end() == end;
            }
            if (!seen) {
                out.add(new Candidate(type(), start, end, 0.75, "phone number valid in "
                        + PHONES.getRegionCodeForNumber(m.number()) + " (libphonenumber)"));
            }
        }
    }
}
