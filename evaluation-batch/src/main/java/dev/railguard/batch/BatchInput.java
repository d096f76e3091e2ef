package dev.railguard.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a JSON-lines file read as bytes, so that one bad line costs only itself: a line that is not valid
 * UTF-8, holds a NUL byte, starts with a byte-order mark or is longer than the limit comes back with its problem
 * instead of text, and every other line is decoded strictly. Lines end at {@code \n}; a {@code \r} before it is
 * dropped.
 */
final class BatchInput {

    private BatchInput() {}

    /**
     * One line: its text, or (when it cannot be read as text) the reason.
     *
     * @param text    the decoded line, or null when {@code problem} is set
     * @param problem why the line cannot be used, or null
     */
    record RawLine(String text, String problem) {
        boolean blank() {
            return problem == null && text.isBlank();
        }
    }

    /** The lines of {@code file}; each longer than {@code maxLineBytes} is a problem line. */
    static List<RawLine> read(Path file, int maxLineBytes) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        List<RawLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (i == all.length && start == all.length) {
                    break;
                }
                int end = i > start && all[i - 1] == '\r' ? i - 1 : i;
                lines.add(line(all, start, end, maxLineBytes));
                start = i + 1;
            }
        }
        return lines;
    }

    private static RawLine line(byte[] all, int start, int end, int maxLineBytes) {
        int length = end - start;
        if (length > maxLineBytes) {
            return new RawLine(null, "the line is " + length + " bytes long, over the limit of " + maxLineBytes
                    + " bytes (BatchEvaluator.Builder.maxLineBytes)");
        }
        if (length >= 3 && (all[start] & 0xff) == 0xEF && (all[start + 1] & 0xff) == 0xBB
                && (all[start + 2] & 0xff) == 0xBF) {
            return new RawLine(null, "the line starts with a byte-order mark (EF BB BF); save the input as UTF-8"
                    + " without a BOM");
        }
        for (int i = start; i < end; i++) {
            if (all[i] == 0) {
                return new RawLine(null, "the line holds a NUL byte at byte " + (i - start + 1) + "; JSON text"
                        + " may not contain raw control characters");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(all, start, length);
        try {
            CharBuffer chars = decoder.decode(in);
            return new RawLine(chars.toString(), null);
        } catch (MalformedInputException e) {
            return new RawLine(null, "the line is not valid UTF-8 at byte " + (in.position() - start + 1)
                    + "; the input must be UTF-8");
        } catch (CharacterCodingException e) {
            return new RawLine(null, "the line is not valid UTF-8; the input must be UTF-8");
        }
    }
}
