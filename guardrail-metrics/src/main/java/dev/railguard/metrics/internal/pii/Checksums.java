package dev.railguard.metrics.internal.pii;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;

/**
 * The check digits and validity rules of the identifiers the PII rules find, each as its issuer publishes it. Where
 * Apache Commons Validator has the algorithm (Luhn, Verhoeff, IBAN) it is used; the national weighted sums that it
 * lacks are written here, one method each, from the issuer's definition. Every method takes the matched text with
 * its separators and returns whether the identifier is valid; none throws for a malformed text.
 */
final class Checksums {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String HETU_CONTROL = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    /** Codice fiscale: the value of a character in an odd position (1st, 3rd, ...), digits and letters alike. */
    private static final int[] FISCAL_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
        10, 22, 25, 24, 23};

    private Checksums() {}

    static String digits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String alphanumericUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** A payment card: Luhn (ISO/IEC 7812) over the digits. */
    static boolean luhn(String s) {
        String d = digits(s);
        return d.length() >= 12 && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(d);
    }

    /** An IBAN: the country's length and format, and ISO 13616 mod-97 (Commons Validator's registry of formats). */
    static boolean iban(String s) {
        if (!s.equals(s.toUpperCase(Locale.ROOT))) {
            return false; // IBANs are written in capitals; "bANK" is a word
        }
        return IBANValidator.getInstance().isValid(alphanumericUpper(s));
    }

    /** India's Aadhaar: 12 digits, not starting with 0 or 1, Verhoeff check digit, not a palindrome. */
    static boolean aadhaar(String s) {
        String d = digits(s);
        return d.length() == 12 && d.charAt(0) >= '2' && VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(d)
                && !new StringBuilder(d).reverse().toString().equals(d);
    }

    /** A weighted sum of the digits of {@code d} with {@code weights}, from the left. */
    private static int weighted(String d, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (d.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /** UK NHS number: 10 digits, weights 10 to 2 on the first nine plus the check digit, sum divisible by 11. */
    static boolean nhs(String s) {
        String d = digits(s);
        return d.length() == 10 && weighted(d, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1) % 11 == 0;
    }

    /** Australian Business Number: subtract 1 from the first digit, weights 10,1,3,...,19, sum divisible by 89. */
    static boolean abn(String s) {
        String d = digits(s);
        if (d.length() != 11 || d.charAt(0) == '0') {
            return false;
        }
        return (weighted(d, 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19) - 10) % 89 == 0;
    }

    /** Australian Company Number: weights 8 to 1 on the first eight digits, the complement mod 10 is the ninth. */
    static boolean acn(String s) {
        String d = digits(s);
        return d.length() == 9 && (10 - weighted(d, 8, 7, 6, 5, 4, 3, 2, 1) % 10) % 10 == d.charAt(8) - '0';
    }

    /** Australian Tax File Number: weights 1,4,3,7,5,8,6,9,10 over nine digits, sum divisible by 11. */
    static boolean tfn(String s) {
        String d = digits(s);
        return d.length() == 9 && weighted(d, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0;
    }

    /** Australian Medicare card: weights 1,3,7,9,1,3,7,9 on the first eight digits, mod 10 is the ninth. */
    static boolean medicare(String s) {
        String d = digits(s);
        return d.length() == 10 && weighted(d, 1, 3, 7, 9, 1, 3, 7, 9) % 10 == d.charAt(8) - '0';
    }

    /** Poland's PESEL: a birth date (month offset by century), weights 1,3,7,9 repeated, check digit mod 10. */
    static boolean pesel(String s) {
        String d = digits(s);
        if (d.length() != 11) {
            return false;
        }
        int month = Integer.parseInt(d.substring(2, 4));
        int century = switch (month / 20) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
        };
        if (!date(century + Integer.parseInt(d.substring(0, 2)), month % 20, Integer.parseInt(d.substring(4, 6)))) {
            return false;
        }
        return (10 - weighted(d, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3) % 10) % 10 == d.charAt(10) - '0';
    }

    private static boolean date(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * Finland's henkilötunnus {@code DDMMYYCZZZQ}: a real date (the century sign C: {@code +} 1800s, {@code -} and
     * Y, X, W, V, U 1900s, A to F 2000s) and the control character of the nine digits mod 31.
     */
    static boolean hetu(String s) {
        String t = s.toUpperCase(Locale.ROOT);
        if (t.length() != 11) {
            return false;
        }
        char sign = t.charAt(6);
        int century = sign == '+' ? 1800 : "-YXWVU".indexOf(sign) >= 0 ? 1900 : "ABCDEF".indexOf(sign) >= 0 ? 2000 : -1;
        String nine = t.substring(0, 6) + t.substring(7, 10);
        if (century < 0 || !nine.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (!date(century + Integer.parseInt(t.substring(4, 6)), Integer.parseInt(t.substring(2, 4)),
                Integer.parseInt(t.substring(0, 2)))) {
            return false;
        }
        return HETU_CONTROL.charAt(Integer.parseInt(nine) % 31) == t.charAt(10);
    }

    /** Spain's DNI/NIF: eight digits and the letter of the number mod 23. */
    static boolean nif(String s) {
        String t = alphanumericUpper(s);
        String d = t.substring(0, t.length() - 1);
        return d.length() >= 7 && d.length() <= 8 && d.chars().allMatch(Character::isDigit)
                && DNI_LETTERS.charAt(Integer.parseInt(d) % 23) == t.charAt(t.length() - 1);
    }

    /** Spain's NIE: X, Y or Z (0, 1, 2), seven digits and the letter of that number mod 23. */
    static boolean nie(String s) {
        String t = alphanumericUpper(s);
        int lead = "XYZ".indexOf(t.charAt(0));
        String d = t.substring(1, t.length() - 1);
        return lead >= 0 && d.length() == 7 && d.chars().allMatch(Character::isDigit)
                && DNI_LETTERS.charAt(Integer.parseInt(lead + d) % 23) == t.charAt(t.length() - 1);
    }

    /** Italy's codice fiscale: the control letter of the first fifteen characters (odd and even position tables). */
    static boolean fiscalCode(String s) {
        String t = s.toUpperCase(Locale.ROOT);
        if (t.length() != 16) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = t.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? FISCAL_ODD[v] : v;
        }
        return 'A' + sum % 26 == t.charAt(15);
    }

    /** A Bitcoin address in base58 with its double-SHA-256 checksum (P2PKH, P2SH). */
    static boolean base58Check(String s) {
        BigInteger n = BigInteger.ZERO;
        int leadingZeros = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = BASE58.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            if (v == 0 && n.signum() == 0) {
                leadingZeros++;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(v));
        }
        byte[] body = n.toByteArray();
        int skip = body.length > 1 && body[0] == 0 ? 1 : 0;
        byte[] bytes = new byte[leadingZeros + body.length - skip];
        System.arraycopy(body, skip, bytes, leadingZeros, body.length - skip);
        if (bytes.length < 5) {
            return false;
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - 4);
        byte[] check = sha256(sha256(payload));
        return Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length), Arrays.copyOf(check, 4));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A SegWit address (BIP 173 bech32 or BIP 350 bech32m) whose human-readable part is {@code bc}. */
    static boolean bech32(String s) {
        if (!s.equals(s.toLowerCase(Locale.ROOT)) && !s.equals(s.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String t = s.toLowerCase(Locale.ROOT);
        int sep = t.lastIndexOf('1');
        if (sep < 1 || sep + 7 > t.length() || t.length() > 90 || !t.substring(0, sep).equals("bc")) {
            return false;
        }
        byte[] hrp = t.substring(0, sep).getBytes(StandardCharsets.US_ASCII);
        int[] values = new int[hrp.length * 2 + 1 + t.length() - sep - 1];
        for (int i = 0; i < hrp.length; i++) {
            values[i] = hrp[i] >> 5;
            values[hrp.length + 1 + i] = hrp[i] & 31;
        }
        for (int i = sep + 1; i < t.length(); i++) {
            int v = BECH32.indexOf(t.charAt(i));
            if (v < 0) {
                return false;
            }
            values[hrp.length * 2 + 1 + i - sep - 1] = v;
        }
        int check = polymod(values);
        return check == 1 || check == 0x2bc830a3;
    }

    private static int polymod(int[] values) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= generator[i];
                }
            }
        }
        return chk;
    }

    /**
     * A US SSN the SSA could have issued: one kind of separator, not all one digit, area not 000, 666 or 9xx, group
     * not 00, serial not 0000, and not a number known from advertising (078-05-1120, 123-45-6789).
     */
    static boolean ssn(String s) {
        long kinds = s.chars().filter(c -> c == '-' || c == '.' || c == ' ').distinct().count();
        String d = digits(s);
        if (kinds > 1 || d.length() != 9 || d.chars().distinct().count() == 1) {
            return false;
        }
        return !d.startsWith("000") && !d.startsWith("666") && d.charAt(0) != '9' && !d.startsWith("00", 3)
                && !d.startsWith("0000", 5) && !d.equals("078051120") && !d.equals("123456789");
    }
}
