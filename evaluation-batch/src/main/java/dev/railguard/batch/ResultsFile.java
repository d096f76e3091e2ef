package dev.railguard.batch;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.format.ResultLine;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code results.jsonl} file: its {@link ResultLine}s read back (by the summary, the report, {@code railguard diff}),
 * kept for a resumed run, and appended to, one whole line at a time.
 */
public final class ResultsFile implements AutoCloseable {

    private final Path file;
    private final OutputStream out;

    private ResultsFile(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /**
     * The results lines of {@code file} by input line number (the last one of a line wins); a line that is not a
     * results line (a truncated last line of an interrupted run, a line that is not valid UTF-8) is left out. An
     * absent file has none.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Map<Integer, ResultLine> read(Path file) {
        Map<Integer, ResultLine> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : readLines(file)) {
            ResultLine r = parse(line);
            if (r != null) {
                out.put(r.line(), r);
            }
        }
        return out;
    }

    /**
     * The records of {@code file} whose line still holds the same input (line number and hash), keyed by line;
     * rewrites the file without the others (a truncated last line, changed input lines, canceled events, events with a
     * SKIPPED metric) so that appending stays valid JSON lines.
     */
    static Map<Integer, ResultLine> resume(Path file, List<String> inputLines) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        List<String> raw = readLines(file);
        Map<Integer, ResultLine> valid = new LinkedHashMap<>();
        List<String> keep = new ArrayList<>();
        for (String text : raw) {
            ResultLine r = parse(text);
            if (r == null) {
                continue;
            }
            int line = r.line();
            boolean matches = line >= 1 && line <= inputLines.size()
                    && BatchLines.hash(inputLines.get(line - 1)).equals(r.inputHash())
                    && r.status() != EvaluationStatus.CANCELED
                    && !r.hasSkippedMetric()
                    && !valid.containsKey(line);
            if (matches) {
                valid.put(line, r);
                keep.add(text.strip());
            }
        }
        if (keep.size() != raw.size() || !endsWithNewline(file)) {
            // also drops lines that were not valid UTF-8, so appending after them stays valid JSON lines
            try {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, keep, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not rewrite " + file + " for resuming", e);
            }
        }
        return valid;
    }

    /** Opens {@code file} for appending, creating it and its directory. */
    static ResultsFile append(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new ResultsFile(file, new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file + " for writing", e);
        }
    }

    /** Appends one whole line and its newline, so a line is never cut; safe from any thread. */
    void append(byte[] json) {
        synchronized (out) {
            try {
                out.write(json);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file, e);
            }
        }
    }

    private static ResultLine parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return ResultLine.read(line);
        } catch (IllegalArgumentException notAResultsLine) {
            return null;
        }
    }

    /** The lines of a results file; a line that is not valid UTF-8 is empty (dropped as no record). */
    private static List<String> readLines(Path file) {
        return BatchInput.read(file, Integer.MAX_VALUE - 8).stream()
                .map(l -> l.text() == null ? "" : l.text()).toList();
    }

    private static boolean endsWithNewline(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            return all.length == 0 || all[all.length - 1] == '\n';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a file the run writes that is a file it reads (or writes otherwise), naming both settings. */
    static void refuseOverlap(String written, Path w, String other, Path o) {
        boolean same = w.toAbsolutePath().normalize().equals(o.toAbsolutePath().normalize());
        if (!same && Files.exists(w) && Files.exists(o)) {
            try {
                same = Files.isSameFile(w, o);
            } catch (IOException e) {
                same = false;
            }
        }
        if (same) {
            throw new IllegalArgumentException(written + " must be another file than " + other + ", but both are: '"
                    + o + "'; the run would overwrite what it reads");
        }
    }
}
