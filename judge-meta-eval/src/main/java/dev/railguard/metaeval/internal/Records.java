package dev.railguard.metaeval.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.metaeval.LabelledCase;
import dev.railguard.metaeval.LabelledDataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reading records one by one so that a bad record skips itself with its position and reason: JSON lines (or one JSON
 * array) in, cases and skipped records out. Shared by every format reader.
 */
final class Records {

    static final ObjectMapper JSON = new ObjectMapper();

    private Records() {}

    /** Turns one record into cases; throws {@link IllegalArgumentException} naming the field for a bad record. */
    @FunctionalInterface
    interface CaseMaker {
        List<LabelledCase> cases(JsonNode record, int position);
    }

    /** Collects cases and skipped records. */
    static final class Collector {
        final List<LabelledCase> cases = new ArrayList<>();
        final List<LabelledDataset.Skipped> skipped = new ArrayList<>();
        /** Where each case id was first read. */
        private final Map<String, String> firstPosition = new HashMap<>();

        /**
         * Adds the cases of the record at {@code position}; a bad record is skipped with its reason, and a case whose
         * id an earlier record already used is skipped naming where the first one is (the first one is kept).
         */
        void add(String position, ThrowingSupplier supplier) {
            List<LabelledCase> made;
            try {
                made = supplier.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                skipped.add(new LabelledDataset.Skipped(position, String.valueOf(e.getMessage())));
                return;
            }
            for (LabelledCase c : made) {
                String first = firstPosition.putIfAbsent(c.id(), position);
                if (first == null) {
                    cases.add(c);
                } else {
                    skipped.add(new LabelledDataset.Skipped(position, "case id '" + c.id() + "' was already read at "
                            + first + "; this later duplicate is skipped"));
                }
            }
        }

        LabelledDataset dataset(String name) {
            return new LabelledDataset(name, cases, skipped);
        }
    }

    /** A step that yields cases or throws for a bad record. */
    @FunctionalInterface
    interface ThrowingSupplier {
        List<LabelledCase> get();
    }

    /**
     * Reads {@code file} as JSON lines, or as one JSON array when its first non-blank character is {@code [}; blank
     * lines are ignored. Positions are {@code "line N"} (1-based) or {@code "element N"} (1-based).
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    static LabelledDataset read(Path file, CaseMaker maker) {
        Objects.requireNonNull(file, "file must not be null");
        Collector out = new Collector();
        try {
            String head = firstNonBlank(file);
            if (head.startsWith("[")) {
                JsonNode array;
                try {
                    array = JSON.readTree(file.toFile());
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("file " + file + " starts with '[' but is not one JSON array: "
                            + e.getOriginalMessage(), e);
                }
                int n = 0;
                for (JsonNode record : array) {
                    int position = ++n;
                    out.add("element " + position, () -> maker.cases(object(record), position));
                }
            } else {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    int n = 0;
                    while ((line = reader.readLine()) != null) {
                        int position = ++n;
                        if (line.isBlank()) {
                            continue;
                        }
                        String text = line;
                        out.add("line " + position, () -> maker.cases(object(parse(text)), position));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the data set " + file, e);
        }
        return out.dataset(file.getFileName().toString());
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the line is not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode object(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a record must be a JSON object, but was: "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return node;
    }

    private static String firstNonBlank(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = reader.read()) != -1) {
                if (!Character.isWhitespace(c)) {
                    return String.valueOf((char) c);
                }
            }
        }
        return "";
    }

    /** The non-blank text of field {@code name} of {@code node}, for messages naming {@code field}. */
    static String text(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + " is required, but was missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string, but was: " + v);
        }
        return v.asText();
    }

    /**
     * Whether field {@code name} says {@code yes}, as HaluEval labels hallucinations ({@code "yes"} or {@code "no"},
     * case ignored).
     *
     * @throws IllegalArgumentException naming the field when it is missing or another value
     */
    static boolean yes(JsonNode node, String name) {
        String verdict = text(node, name, name).strip().toLowerCase(Locale.ROOT);
        if (!verdict.equals("yes") && !verdict.equals("no")) {
            throw new IllegalArgumentException(name + " must be one of [yes, no], but was: '" + verdict + "'");
        }
        return verdict.equals("yes");
    }

    /** The text of optional field {@code name}, or {@code null}. */
    static String optionalText(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, but was: " + v);
        }
        return v.asText();
    }
}
