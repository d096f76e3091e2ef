package dev.railguard.engine;

import java.security.SecureRandom;

/** Prefixed random ids ({@code evt_}, {@code wkfl_}, {@code mon_}, {@code file_}), as DeepRails writes them. */
final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private EventIds() {}

    /** {@code prefix + "_"} followed by 16 random lower-case letters and digits (about 82 bits). */
    static String next(String prefix) {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(out);
    }
}
