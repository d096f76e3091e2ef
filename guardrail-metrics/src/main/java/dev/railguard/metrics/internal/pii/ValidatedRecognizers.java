package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * The recognizers whose answer comes from Apache Commons Validator: a loose pattern finds where an e-mail address, an
 * IP address or a URL could be, and the validator decides whether it is one ({@link EmailValidator} with
 * internationalised domain names and private-network domains, {@link InetAddressValidator}, {@link DomainValidator}'s list of top-level domains).
 */
final class ValidatedRecognizers {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-!#$&'*/=?^`{|}~]+@[\\p{L}\\p{N}.\\-]+\\.[\\p{L}\\p{N}\\-]{2,}");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,4})?(?!\\w)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:.])(?=[0-9A-Fa-f]*:[0-9A-Fa-f.]*:)[0-9A-Fa-f:.]+(?:%[\\w.]+)?(?:/\\d{1,4})?(?![\\w:])");
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}@.\\-])(https?://)?(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?\\.)+"
            + "(\\p{L}{2,63})(?::\\d{1,5})?(?:[/?#][^\\s\"'<>]*)?");

    private static final String SENTENCE_END = ".,;:!?)";
    /**
     * E-mail domains: the IANA top-level domains, and the names reserved for private networks ({@code .internal},
     * {@code .corp}, {@code .lan}, {@code .home}, {@code .local}): an address there still names a person.
     */
    private static final EmailValidator EMAILS = new EmailValidator(true, false, DomainValidator.getInstance(true,
            List.of(new DomainValidator.Item(DomainValidator.ArrayType.LOCAL_PLUS,
                    new String[] {"internal", "corp", "lan", "home", "local"}))));

    private ValidatedRecognizers() {}

    /** E-mail addresses, IDN domains included; trailing sentence punctuation is not part of the address. */
    static final Recognizer EMAIL_ADDRESS = new Recognizer() {
        @Override
        public PiiFinding.Type type() {
            return PiiFinding.Type.EMAIL_ADDRESS;
        }

        @Override
        public void scan(String text, List<Candidate> out) {
            if (text.indexOf('@') < 0) {
                return;
            }
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                int end = trimEnd(text, m.start(), m.end(), SENTENCE_END);
                if (EMAILS.isValid(text.substring(m.start(), end))) {
                    out.add(new Candidate(type(), m.start(), end, 1.0, "e-mail address (Commons Validator)"));
                }
            }
        }
    };

    /** IPv4 and IPv6 addresses, with a CIDR prefix when one follows; loopback and unspecified ones score low. */
    static final Recognizer IP_ADDRESS = new Recognizer() {
        @Override
        public PiiFinding.Type type() {
            return PiiFinding.Type.IP_ADDRESS;
        }

        @Override
        public void scan(String text, List<Candidate> out) {
            InetAddressValidator validator = InetAddressValidator.getInstance();
            if (text.indexOf('.') >= 0) {
                Matcher m = IPV4.matcher(text);
                while (m.find()) {
                    ip(text, m.start(), m.end(), 32, validator::isValidInet4Address, out);
                }
            }
            if (text.indexOf(':') >= 0) {
                Matcher m = IPV6.matcher(text);
                while (m.find()) {
                    ip(text, m.start(), trimEnd(text, m.start(), m.end(), ".,;!?)"), 128,
                            validator::isValidInet6Address, out);
                }
            }
        }

        private void ip(String text, int start, int end, int maxPrefix,
                java.util.function.Predicate<String> valid, List<Candidate> out) {
            String s = text.substring(start, end);
            int slash = s.indexOf('/');
            if (slash >= 0 && (slash == s.length() - 1 || Integer.parseInt(s.substring(slash + 1)) > maxPrefix)) {
                end = start + slash; // an impossible prefix is not part of the address
                s = s.substring(0, slash);
                slash = -1;
            }
            String address = slash < 0 ? s : s.substring(0, slash);
            int zone = address.indexOf('%');
            if (zone >= 0) {
                address = address.substring(0, zone);
            }
            if (!valid.test(address)) {
                return;
            }
            String a = address.toLowerCase(Locale.ROOT);
            boolean nobody = a.startsWith("127.") || a.equals("0.0.0.0") || a.equals("255.255.255.255")
                    || a.matches("[0:]*:1?") || a.matches("[0:]*:0*");
            out.add(nobody ? new Candidate(type(), start, end, 0.1, "loopback or unspecified IP address")
                    : new Candidate(type(), start, end, 0.6, "IP address (Commons Validator)"));
        }
    };

    /** URLs with a scheme (0.6) or a bare domain name on a known top-level domain (0.5); quotes around one count. */
    static final Recognizer URL_ADDRESS = new Recognizer() {
        @Override
        public PiiFinding.Type type() {
            return PiiFinding.Type.URL;
        }

        @Override
        public void scan(String text, List<Candidate> out) {
            if (text.indexOf('.') < 0) {
                return;
            }
            DomainValidator domains = DomainValidator.getInstance();
            Matcher m = URL.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = trimEnd(text, start, m.end(), SENTENCE_END);
                String host = m.group(1) == null ? text.substring(start, m.end(2)).toLowerCase(Locale.ROOT) : "";
                if (!domains.isValidTld(m.group(2)) || host.startsWith("www.") && host.indexOf('.', 4) < 0) {
                    continue; // "www.microsoft": a top-level domain alone is not a site
                }
                if (start > 0 && end < text.length() && (text.charAt(start - 1) == '"' || text.charAt(start - 1) == '\'')
                        && text.charAt(end) == text.charAt(start - 1)) {
                    start--;
                    end++;
                }
                out.add(new Candidate(type(), start, end, m.group(1) != null ? 0.6 : 0.5,
                        m.group(1) != null ? "URL" : "domain name"));
            }
        }
    };

    /** {@code end} moved back over the characters of {@code punctuation} that end a match ("write to a@b.io."). */
    static int trimEnd(String text, int start, int end, String punctuation) {
        while (end > start && punctuation.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
