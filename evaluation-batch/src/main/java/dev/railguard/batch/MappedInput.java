package dev.railguard.batch;

import dev.railguard.format.DeepRailsField;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.railguard.api.RunMode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Datasets in another shape than DeepRails events: JSON lines of any objects, or a CSV file with a header row, whose
 * columns a {@link ColumnMapping} names. Each row becomes the DeepRails-shaped line the batch parser reads, at the
 * line number where the row starts in the file, so skipped rows and results name the file's own lines. A row that
 * cannot be mapped (not a JSON object, no output, a documents value that is not text) is a problem line naming the
 * column.
 */
public final class MappedInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
    private static final Set<String> INPUT_FIELDS = Set.of(DeepRailsField.USER_PROMPT.key(),
            DeepRailsField.SYSTEM_PROMPT.key(), DeepRailsField.GROUND_TRUTH.key(), DeepRailsField.DOCUMENTS.key());

    private MappedInput() {}

    /** The shape of an input file. */
    public enum Format {
        /** JSON lines shaped like DeepRails events, read as they are. */
        DEEPRAILS,
        /** JSON lines of any objects, mapped by a {@link ColumnMapping}. */
        JSONL,
        /** CSV with a header row, mapped by a {@link ColumnMapping}. */
        CSV;

        /** The lower-case name used in project files. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The column names of a CSV file's header row.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<String> csvHeader(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            CsvSchema schema = (CsvSchema) rows.getParser().getSchema();
            rows.hasNextValue();
            schema = (CsvSchema) rows.getParser().getSchema();
            List<String> names = new ArrayList<>();
            schema.forEach(c -> names.add(c.getName()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the header of " + file, e);
        }
    }

    /**
     * Checks that every mapped column is among {@code columns}.
     *
     * @throws IllegalArgumentException naming the field, the column and the columns there are
     */
    public static void requireColumns(ColumnMapping mapping, List<String> columns, Path file) {
        for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
            if (!columns.contains(e.getValue())) {
                throw new IllegalArgumentException("column mapping: the " + e.getKey() + " column '" + e.getValue()
                        + "' is not in " + file.getFileName() + "; its columns are " + columns);
            }
        }
    }

    /**
     * One row of a dataset read as a request, or why it cannot be.
     *
     * @param line    the line of the file the row starts at
     * @param input   the request and its id, or null when {@code problem} is set
     * @param problem why the row cannot be evaluated, or null
     */
    public record Row(int line, BatchLines.Input input, String problem) {}

    /**
     * Every non-blank row of {@code file} as a request, as a batch run reads it: DeepRails events as they are, or
     * ({@code mapping} not null) JSON lines or CSV through the mapping; a row without metrics gets
     * {@code defaultMetrics}, without a run mode {@code defaultRunMode}.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<Row> rows(Path file, Format format, ColumnMapping mapping, List<String> defaultMetrics,
            RunMode defaultRunMode) {
        List<BatchInput.RawLine> raw = mapping == null ? BatchInput.read(file, 1 << 20)
                : read(file, format, mapping, 1 << 20);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            BatchInput.RawLine l = raw.get(i);
            if (l.blank()) {
                continue;
            }
            if (l.problem() != null) {
                rows.add(new Row(i + 1, null, l.problem()));
                continue;
            }
            try {
                rows.add(new Row(i + 1, BatchLines.parse(l.text(), defaultMetrics, defaultRunMode), null));
            } catch (IllegalArgumentException | NullPointerException e) {
                rows.add(new Row(i + 1, null, e.getMessage()));
            }
        }
        return rows;
    }

    /** The rows of {@code file} as DeepRails-shaped lines, by line number of the file (index 0 is line 1). */
    static List<BatchInput.RawLine> read(Path file, Format format, ColumnMapping mapping, int maxLineBytes) {
        if (format == Format.CSV) {
            return csv(file, mapping);
        }
        List<BatchInput.RawLine> raw = BatchInput.read(file, maxLineBytes);
        List<BatchInput.RawLine> out = new ArrayList<>(raw.size());
        for (BatchInput.RawLine line : raw) {
            if (line.problem() != null || line.blank()) {
                out.add(line);
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line.text());
            } catch (JsonProcessingException e) {
                out.add(new BatchInput.RawLine(null, "the line is not JSON: " + e.getOriginalMessage()));
                continue;
            }
            out.add(node instanceof ObjectNode o ? map(o, mapping)
                    : new BatchInput.RawLine(null, "the line must be a JSON object, but was: " + node.getNodeType()
                            .name().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private static List<BatchInput.RawLine> csv(Path file, ColumnMapping mapping) {
        requireColumns(mapping, csvHeader(file), file);
        List<BatchInput.RawLine> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            int lastProblem = -1;
            while (true) {
                int line;
                ObjectNode row;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    // after hasNextValue the parser stands at the start of the row
                    line = rows.getParser().currentLocation().getLineNr();
                    row = JSON.valueToTree(rows.nextValue());
                } catch (RuntimeException | IOException e) {
                    int at = rows.getParser().currentLocation().getLineNr();
                    if (at == lastProblem) {
                        break; // the reader cannot get past this row
                    }
                    lastProblem = at;
                    place(out, at, new BatchInput.RawLine(null, "the row cannot be read as CSV: "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
                    continue;
                }
                place(out, line, map(row, mapping));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return out;
    }

    /** Puts {@code line} at line number {@code lineNo}, blank lines before it. */
    private static void place(List<BatchInput.RawLine> out, int lineNo, BatchInput.RawLine line) {
        while (out.size() < lineNo - 1) {
            out.add(new BatchInput.RawLine("", null));
        }
        if (out.size() == lineNo - 1) {
            out.add(line);
        } else {
            out.set(lineNo - 1, line);
        }
    }

    /** One row as a DeepRails-shaped line, or the problem naming the column. */
    static BatchInput.RawLine map(ObjectNode row, ColumnMapping mapping) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode input = JSON.createObjectNode();
        for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
            String field = e.getKey();
            String column = e.getValue();
            JsonNode value = row.get(column);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                continue;
            }
            ObjectNode target = INPUT_FIELDS.contains(field) ? input : event;
            if (field.equals(DeepRailsField.DOCUMENTS.key())) {
                if (value.isTextual()) {
                    target.putArray(field).add(value.asText());
                } else if (value.isArray() && allText(value)) {
                    target.set(field, value);
                } else {
                    return new BatchInput.RawLine(null, "the documents column '" + column + "' must be a string or"
                            + " an array of strings, but was: " + value.getNodeType().name().toLowerCase(Locale.ROOT));
                }
            } else if (field.equals("id") && value.isValueNode()) {
                target.put(field, value.asText());
            } else if (value.isTextual()) {
                target.put(field, value.asText());
            } else {
                return new BatchInput.RawLine(null, "the " + field + " column '" + column + "' must be a string, but"
                        + " was: " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
        if (!event.has(DeepRailsField.MODEL_OUTPUT.key())) {
            return new BatchInput.RawLine(null, "the output column '" + mapping.columns().get(DeepRailsField.MODEL_OUTPUT.key())
                    + "' is missing or empty");
        }
        if (!input.has(DeepRailsField.USER_PROMPT.key()) && !input.has(DeepRailsField.SYSTEM_PROMPT.key())) {
            return new BatchInput.RawLine(null, "the prompt column '" + mapping.columns().getOrDefault(DeepRailsField.USER_PROMPT.key(),
                    mapping.columns().get(DeepRailsField.SYSTEM_PROMPT.key())) + "' is missing or empty");
        }
        event.set(DeepRailsField.MODEL_INPUT.key(), input);
        return new BatchInput.RawLine(event.toString(), null);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : (ArrayNode) array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
