package dev.railguard.metrics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks the personal data that a {@link PiiMetric} finds in a text, in one of three styles:
 * <ul>
 * <li>{@link #typeTags()}: each finding becomes its type tag, {@code "<EMAIL_ADDRESS>"};</li>
 * <li>{@link #mask(String)}: each finding becomes the same fixed text, such as {@code "[REDACTED]"};</li>
 * <li>{@link #keyedHash(byte[])}: each finding becomes its type and a keyed hash of its text,
 * {@code "<EMAIL_ADDRESS:5f0c2a9e81d4>"} (HMAC-SHA256, the first 12 hex digits): the same value gives the same tag, so
 * redacted events can still be joined, and without the key the value cannot be recovered by trying candidates.</li>
 * </ul>
 * Findings are replaced from the end of the text to its start, so the spans of those before stay right whatever
 * lengths the replacements have; spans count {@code char}s of the same string, so text with characters outside the
 * Basic Multilingual Plane (emoji) before a finding is handled. Immutable and thread-safe.
 *
 * <pre>{@code
 * String safe = PiiRedactor.typeTags().redact("Mail jane@example.com");   // "Mail <EMAIL_ADDRESS>"
 * }</pre>
 */
public final class PiiRedactor {

    private enum Style { TYPE_TAG, MASK, KEYED_HASH }

    private final Style style;
    private final String mask;
    private final byte[] key;
    private final PiiMetric detector;

    private PiiRedactor(Style style, String mask, byte[] key, PiiMetric detector) {
        this.style = style;
        this.mask = mask;
        this.key = key;
        this.detector = detector;
    }

    /** Type tags, with the default {@code pii} check's findings. */
    public static PiiRedactor typeTags() {
        return new PiiRedactor(Style.TYPE_TAG, null, null, new PiiMetric());
    }

    /**
     * One fixed mask for every finding, with the default {@code pii} check's findings.
     *
     * @throws IllegalArgumentException if {@code mask} is empty
     */
    public static PiiRedactor mask(String mask) {
        Objects.requireNonNull(mask, "mask must not be null");
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("mask must not be empty, but was: ''");
        }
        return new PiiRedactor(Style.MASK, mask, null, new PiiMetric());
    }

    /**
     * Type and keyed hash, with the default {@code pii} check's findings.
     *
     * @throws IllegalArgumentException if {@code key} has fewer than 16 bytes
     */
    public static PiiRedactor keyedHash(byte[] key) {
        Objects.requireNonNull(key, "key must not be null");
        if (key.length < 16) {
            throw new IllegalArgumentException("key must have at least 16 bytes, but had: " + key.length);
        }
        return new PiiRedactor(Style.KEYED_HASH, null, key.clone(), new PiiMetric());
    }

    /** The same redactor, redacting what {@code detector} finds (its types, min score, regions, name model). */
    public PiiRedactor using(PiiMetric detector) {
        return new PiiRedactor(style, mask, key, Objects.requireNonNull(detector, "detector must not be null"));
    }

    /** The detector whose findings are redacted. */
    public PiiMetric detector() {
        return detector;
    }

    /** {@code text} with what the detector finds masked; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return redact(text, detector.findIn(text));
    }

    /**
     * {@code text} with {@code findings} (found in this very text) masked. Overlapping findings are masked as one
     * stretch, from the first start to the last end, named after the finding with the highest score: no part of
     * either is left in the text.
     *
     * @throws IllegalArgumentException if a finding's span is outside the text
     */
    public String redact(String text, List<PiiFinding> findings) {
        Objects.requireNonNull(text, "text must not be null");
        List<PiiFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(PiiFinding::start));
        List<int[]> stretches = new ArrayList<>();
        List<PiiFinding> names = new ArrayList<>();
        for (PiiFinding f : sorted) {
            if (f.end() > text.length()) {
                throw new IllegalArgumentException("findings must lie in the text (length " + text.length()
                        + "), but one spans " + f.start() + ".." + f.end());
            }
            int last = stretches.size() - 1;
            if (last >= 0 && f.start() < stretches.get(last)[1]) {
                stretches.get(last)[1] = Math.max(stretches.get(last)[1], f.end());
                if (f.score() > names.get(last).score()) {
                    names.set(last, f);
                }
            } else {
                stretches.add(new int[] {f.start(), f.end()});
                names.add(f);
            }
        }
        StringBuilder sb = new StringBuilder(text);
        for (int i = stretches.size() - 1; i >= 0; i--) {
            int[] s = stretches.get(i);
            PiiFinding named = names.get(i);
            sb.replace(s[0], s[1], replacement(named.type(), text.substring(s[0], s[1])));
        }
        return sb.toString();
    }

    private String replacement(PiiFinding.Type type, String value) {
        return switch (style) {
            case TYPE_TAG -> type.tag();
            case MASK -> mask;
            case KEYED_HASH -> "<" + type.name() + ":" + hmac(value) + ">";
        };
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "PiiRedactor{" + style.name().toLowerCase(Locale.ROOT) + ", " + detector.name() + "}";
    }
}
