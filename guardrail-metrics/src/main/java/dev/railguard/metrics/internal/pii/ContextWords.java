package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding.Type;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context words, as Presidio's context enhancer uses them: a finding with one of its type's words (or phrases) among
 * the {@value #BEFORE} words before it or the {@value #AFTER} words after it gains {@value #BOOST} in score, to at
 * least {@value #FLOOR}. That is what lets a weak pattern (a bare nine-digit number) count when the text says "SSN",
 * and only then; the words are matched whole and without regard to case.
 */
final class ContextWords {

    static final int BEFORE = 5;
    static final int AFTER = 3;
    static final double BOOST = 0.35;
    static final double FLOOR = 0.4;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'#]+");
    private static final Map<Type, List<String[]>> WORDS = new EnumMap<>(Type.class);

    static {
        words(Type.CREDIT_CARD, "credit", "card", "visa", "mastercard", "amex", "discover", "jcb", "diners", "maestro",
                "cc");
        words(Type.US_SSN, "ssn", "ssns", "social security", "ssid");
        words(Type.US_ITIN, "itin", "taxpayer", "tax id", "tin");
        words(Type.US_BANK_NUMBER, "account", "account#", "acct", "bank", "checking", "savings", "debit");
        words(Type.US_DRIVER_LICENSE, "driver", "driver's", "license", "licence", "permit", "dl", "driving", "lic");
        words(Type.US_PASSPORT, "passport", "passport#", "travel document");
        words(Type.UK_NHS, "nhs", "national health service", "health service");
        words(Type.UK_NINO, "national insurance", "nino", "ni number");
        words(Type.ES_NIF, "dni", "nif", "documento nacional de identidad");
        words(Type.ES_NIE, "nie", "número de identificación de extranjero");
        words(Type.IT_FISCAL_CODE, "codice fiscale", "cf", "fiscal code");
        words(Type.IN_AADHAAR, "aadhaar", "aadhar", "uidai");
        words(Type.IN_PAN, "pan", "permanent account number");
        words(Type.SG_NRIC_FIN, "nric", "nric#", "fin", "fin#");
        words(Type.AU_ABN, "abn", "australian business number");
        words(Type.AU_ACN, "acn", "australian company number");
        words(Type.AU_TFN, "tfn", "tax file number");
        words(Type.AU_MEDICARE, "medicare");
        words(Type.PL_PESEL, "pesel");
        words(Type.FI_PERSONAL_IDENTITY_CODE, "hetu", "henkilötunnus", "personal identity code");
        words(Type.CRYPTO, "wallet", "bitcoin", "btc", "crypto");
        words(Type.IP_ADDRESS, "ip", "ipv4", "ipv6");
        words(Type.EMAIL_ADDRESS, "email", "e-mail", "mail");
        words(Type.PHONE_NUMBER, "phone", "telephone", "tel", "mobile", "cell", "call");
        words(Type.URL, "url", "website", "link");
    }

    private final List<String> words = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>();

    private static void words(Type type, String... phrases) {
        List<String[]> list = new ArrayList<>();
        for (String p : phrases) {
            list.add(p.split(" "));
        }
        WORDS.put(type, List.copyOf(list));
    }

    /** The words of {@code text}, lower case, with their spans. */
    ContextWords(String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
            spans.add(new int[] {m.start(), m.end()});
        }
    }

    /** The context words of {@code type}, as written here; empty for a type that has none. */
    static List<String> of(Type type) {
        return WORDS.getOrDefault(type, List.of()).stream().map(p -> String.join(" ", p)).toList();
    }

    /** {@code c} with its score raised when one of its type's context words is near it; else {@code c}. */
    Candidate enhance(Candidate c) {
        List<String[]> phrases = WORDS.get(c.type());
        if (phrases == null || c.score() >= 1.0) {
            return c;
        }
        int first = 0;
        while (first < spans.size() && spans.get(first)[1] <= c.start()) {
            first++;
        }
        int last = first;
        while (last < spans.size() && spans.get(last)[0] < c.end()) {
            last++;
        }
        for (String[] phrase : phrases) {
            if (near(phrase, Math.max(0, first - BEFORE), first) || near(phrase, last, Math.min(words.size(),
                    last + AFTER))) {
                double s = Math.min(1.0, Math.max(FLOOR, c.score() + BOOST));
                return c.withScore(s, ", context word '" + String.join(" ", phrase) + "'");
            }
        }
        return c;
    }

    /** Whether {@code phrase} occurs among the words from {@code from} (inclusive) to {@code to} (exclusive). */
    private boolean near(String[] phrase, int from, int to) {
        for (int i = from; i + phrase.length <= to; i++) {
            boolean all = true;
            for (int j = 0; j < phrase.length && all; j++) {
                all = words.get(i + j).equals(phrase[j]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
