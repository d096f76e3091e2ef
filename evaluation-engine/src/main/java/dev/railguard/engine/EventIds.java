package dev.railguard.engine;

import dev.railguard.api.status.Internal;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Prefixed random ids ({@code evt_}, {@code wkfl_}, {@code mon_}, {@code file_}), as DeepRails writes them. Public for
 * Railguard's own modules only ({@link Internal}): not part of the API.
 */
@Internal
public final class EventIds {

    /**
     * One self-seeded SHA1PRNG per thread: the platform default (NativePRNG) costs about 2 microseconds per
     * {@code nextInt} here, 35 per id, which dominated a monitor taking 100,000 events.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(EventIds::newRandom);
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    /** Bytes below this are used (value % 36), the others skipped, so every character is equally likely. */
    private static final int UNBIASED_LIMIT = 256 - 256 % 36;

    private EventIds() {}

    /** {@code prefix + "_"} followed by 16 random lower-case letters and digits (about 82 bits). */
    public static String next(String prefix) {
        SecureRandom random = RANDOM.get();
        char[] out = new char[16];
        byte[] bytes = new byte[24];
        int n = 0;
        while (n < out.length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && n < out.length; i++) {
                int b = bytes[i] & 0xff;
                if (b < UNBIASED_LIMIT) {
                    out[n++] = ALPHABET[b % ALPHABET.length];
                }
            }
        }
        return prefix + "_" + new String(out);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
