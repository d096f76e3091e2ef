package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding.Type;
import java.util.List;

/**
 * The pattern recognizers, after Presidio's predefined recognizers: for each identifier, the written forms it takes
 * and the validity rule its issuer defines ({@link Checksums}). Scores follow one scale: 0.6 and more for a form that
 * is specific on its own (a checksum over a distinctive layout, a fixed letter scheme), 0.3 and less for a bare run of
 * digits or letters that many other numbers share; those count only near their context words ({@link ContextWords}).
 */
final class PatternRules {

    private static final String ITIN_GROUP = "(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])";
    private static final String FISCAL_DIGIT = "[0-9LMNP-V]";

    private PatternRules() {}

    /** Every pattern rule, in a fixed order. */
    static final List<PatternRule> ALL = List.of(
            PatternRule.checked(Type.CREDIT_CARD, "payment card, Luhn check",
                    "(?<![\\d-])(?!1\\d{12}(?!\\d))([1-6]\\d{3}[ -]?\\d{3,4}[ -]?\\d{3,4}[ -]?\\d{1,5})(?![\\d-])", 1.0,
                    s -> Checksums.luhn(s) && Checksums.digits(s).length() >= 13
                            && Checksums.digits(s).chars().distinct().count() > 1),
            PatternRule.checked(Type.US_SSN, "US SSN with separators", "\\b(\\d{3}[- .]\\d{2}[- .]\\d{4})\\b", 0.6,
                    Checksums::ssn),
            PatternRule.checked(Type.US_SSN, "US SSN, separators misplaced", "\\b(\\d{5}-\\d{4}|\\d{3}-\\d{6})\\b", 0.05,
                    Checksums::ssn),
            PatternRule.checked(Type.US_SSN, "US SSN, digits only", "\\b(\\d{9})\\b", 0.05, Checksums::ssn),
            PatternRule.of(Type.US_ITIN, "US ITIN with separators",
                    "\\b(9\\d{2}[- ]" + ITIN_GROUP + "[- ]\\d{4})\\b", 0.6),
            PatternRule.of(Type.US_ITIN, "US ITIN, digits only", "\\b(9\\d{2}" + ITIN_GROUP + "\\d{4})\\b", 0.3),
            PatternRule.of(Type.US_ITIN, "US ITIN, separators misplaced",
                    "\\b(9\\d{2}[- ]" + ITIN_GROUP + "\\d{4}|9\\d{2}" + ITIN_GROUP + "[- ]\\d{4})\\b", 0.05),
            PatternRule.of(Type.US_BANK_NUMBER, "US bank account, 8 to 17 digits", "\\b(\\d{8,17})\\b", 0.05),
            PatternRule.of(Type.US_DRIVER_LICENSE, "US driver's licence, letters and digits",
                    "\\b([A-Z]\\d{3,11}|[A-Z]{2}\\d{3,7}|\\d{2}[A-Z]{3}\\d{5}|\\d{3}[A-Z]{2}\\d{4}|\\d{7}[A-Z])\\b", 0.3),
            PatternRule.of(Type.US_DRIVER_LICENSE, "US driver's licence, digits only", "\\b(\\d{6,14}|\\d{16})\\b",
                    0.01),
            PatternRule.of(Type.US_PASSPORT, "US passport, digits", "\\b(\\d{9})\\b", 0.05),
            PatternRule.of(Type.US_PASSPORT, "US passport, next generation", "\\b([A-Z]\\d{8})\\b", 0.1),
            PatternRule.checked(Type.UK_NHS, "UK NHS number, mod-11 check", "\\b(\\d{3}[- ]?\\d{3}[- ]?\\d{4})\\b", 0.3,
                    Checksums::nhs),
            PatternRule.of(Type.UK_NINO, "UK national insurance number",
                    "\\b(?!BG|GB|KN|NK|NT|TN|ZZ)([ABCEGHJ-PRSTW-Z][ABCEGHJ-NPRSTW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])\\b",
                    0.6).caseInsensitive(),
            PatternRule.checked(Type.ES_NIF, "Spanish DNI/NIF, control letter", "\\b(\\d{7,8}-?[A-Z])\\b", 0.9,
                    Checksums::nif).caseInsensitive(),
            PatternRule.checked(Type.ES_NIE, "Spanish NIE, control letter", "\\b([XYZ]\\d{7}-?[A-Z])\\b", 0.9,
                    Checksums::nie).caseInsensitive(),
            PatternRule.checked(Type.IT_FISCAL_CODE, "Italian codice fiscale, control letter",
                    "\\b([A-Z]{6}" + FISCAL_DIGIT + "{2}[ABCDEHLMPRST]" + FISCAL_DIGIT + "{2}[A-Z]" + FISCAL_DIGIT
                    + "{3}[A-Z])\\b", 1.0, Checksums::fiscalCode).orIfInvalid(0.3).caseInsensitive(),
            PatternRule.checked(Type.IN_AADHAAR, "Indian Aadhaar, Verhoeff check", "\\b(\\d{4}([- :]?)\\d{4}\\2\\d{4})\\b",
                    0.3, Checksums::aadhaar),
            PatternRule.of(Type.IN_PAN, "Indian PAN, holder type letter", "\\b([A-Z]{3}[ABCFGHJLPT][A-Z]\\d{4}[A-Z])\\b",
                    0.5).caseInsensitive(),
            PatternRule.of(Type.IN_PAN, "Indian PAN, any holder type", "\\b([A-Z]{5}\\d{4}[A-Z])\\b", 0.1)
                    .caseInsensitive(),
            PatternRule.of(Type.IN_PAN, "Indian PAN, ten letters and four digits",
                    "\\b(?=[A-Za-z0-9]{10}\\b)(?=[0-9]*[A-Za-z])(?=[A-Za-z]*[0-9]*[A-Za-z]*\\d{4})([A-Za-z0-9]{10})\\b",
                    0.01),
            PatternRule.of(Type.SG_NRIC_FIN, "Singapore NRIC/FIN", "\\b([STFGM]\\d{7}[A-Z])\\b", 0.6).caseInsensitive(),
            PatternRule.of(Type.SG_NRIC_FIN, "Singapore NRIC/FIN, unknown prefix", "\\b([A-EH-LN-RU-Z]\\d{7}[A-Z])\\b",
                    0.3).caseInsensitive(),
            PatternRule.checked(Type.AU_ABN, "Australian ABN, grouped, mod-89 check",
                    "\\b(\\d{2} \\d{3} \\d{3} \\d{3})\\b", 0.8, Checksums::abn),
            PatternRule.checked(Type.AU_ABN, "Australian ABN, digits only, mod-89 check", "\\b(\\d{11})\\b", 0.3,
                    Checksums::abn),
            PatternRule.checked(Type.AU_ACN, "Australian ACN, check digit", "\\b(\\d{3} ?\\d{3} ?\\d{3})\\b", 0.3,
                    Checksums::acn),
            PatternRule.checked(Type.AU_TFN, "Australian TFN, mod-11 check", "\\b(\\d{3} ?\\d{3} ?\\d{3})\\b", 0.3,
                    Checksums::tfn),
            PatternRule.checked(Type.AU_MEDICARE, "Australian Medicare, check digit",
                    "\\b([2-6]\\d{3} ?\\d{5} ?\\d)\\b", 0.3, Checksums::medicare),
            PatternRule.checked(Type.PL_PESEL, "Polish PESEL, birth date and check digit", "\\b(\\d{11})\\b", 0.3,
                    Checksums::pesel),
            PatternRule.checked(Type.FI_PERSONAL_IDENTITY_CODE, "Finnish henkilötunnus, date and control character",
                    "(?<![\\p{L}\\p{N}])(\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y])(?![\\p{L}\\p{N}])", 0.9, Checksums::hetu)
                    .caseInsensitive(),
            PatternRule.checked(Type.FI_PERSONAL_IDENTITY_CODE, "Finnish henkilötunnus inside a word",
                    "(\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y])", 0.1, Checksums::hetu).caseInsensitive(),
            PatternRule.checked(Type.CRYPTO, "Bitcoin address, base58check",
                    "(?<![\\p{L}\\p{N}])([13][1-9A-HJ-NP-Za-km-z]{25,34})(?![\\p{L}\\p{N}])", 1.0, Checksums::base58Check),
            PatternRule.checked(Type.CRYPTO, "Bitcoin SegWit address, bech32",
                    "(?<![\\p{L}\\p{N}])(bc1[02-9ac-hj-np-z]{11,87})(?![\\p{L}\\p{N}])", 1.0, Checksums::bech32)
                    .caseInsensitive());
}
