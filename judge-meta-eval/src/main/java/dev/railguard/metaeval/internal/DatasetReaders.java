package dev.railguard.metaeval.internal;

import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;

import static dev.railguard.metaeval.internal.Records.optionalText;
import static dev.railguard.metaeval.internal.Records.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.railguard.api.ModelInput;
import dev.railguard.metaeval.HumanLabel;
import dev.railguard.metaeval.LabelledCase;
import dev.railguard.metaeval.LabelledDataset;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The readers behind {@link dev.railguard.metaeval.Datasets}: Railguard's labelled JSON lines, HaluEval QA, TruthfulQA
 * (CSV or JSON lines) and RAGTruth. Every field name of those formats is in this class.
 */
public final class DatasetReaders {

    /** The metric HaluEval QA and TruthfulQA label: is the answer true. */
    public static final String CORRECTNESS = "correctness";
    /** The metric HaluEval QA and RAGTruth label: is the answer supported by the given knowledge. */
    public static final String CONTEXT_ADHERENCE = "context_adherence";

    /** The model that wrote HaluEval general's responses (ChatGPT, spring 2023). */
    public static final String HALUEVAL_GENERAL_MODEL = "gpt-3.5-turbo";

    private DatasetReaders() {}

    /**
     * Railguard's labelled JSON lines: a DeepRails event read by the one codec ({@link DeepRailsEntry#LABELLED_CASE}:
     * {@code id}, {@code model_input}, {@code model_output}, ... as in batch files), plus
     * {@code labels} ({@code {metric: "PASS"|"FAIL"}}), optional {@code unit_labels}
     * ({@code {metric: [{text, label}]}}), {@code source} and {@code model_used}.
     */
    public static LabelledDataset railguard(Path file) {
        return Records.read(file, (r, n) -> {
            DeepRailsEvent event = DeepRailsCodec.read(r.toString(), DeepRailsEntry.LABELLED_CASE);
            String id = event.id() != null ? event.id() : "line-" + n;
            ModelInput input = event.modelInput();
            String output = event.modelOutput();
            JsonNode labels = r.get("labels");
            if (labels == null || !labels.isObject() || labels.isEmpty()) {
                throw new IllegalArgumentException("labels must be an object of {metric: \"PASS\"|\"FAIL\"} with at least"
                        + " one metric, but was: " + labels);
            }
            Map<String, HumanLabel> byMetric = new LinkedHashMap<>();
            labels.properties().forEach(e -> byMetric.put(e.getKey(),
                    HumanLabel.parse("labels." + e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null)));
            Map<String, List<LabelledCase.UnitLabel>> units = new LinkedHashMap<>();
            JsonNode unitLabels = r.get("unit_labels");
            if (unitLabels != null && !unitLabels.isNull()) {
                if (!unitLabels.isObject()) {
                    throw new IllegalArgumentException("unit_labels must be an object of {metric: [{text, label}]}, but"
                            + " was: " + unitLabels);
                }
                unitLabels.properties().forEach(e -> {
                    String field = "unit_labels." + e.getKey();
                    if (!e.getValue().isArray()) {
                        throw new IllegalArgumentException(field + " must be an array of {text, label}, but was: "
                                + e.getValue());
                    }
                    List<LabelledCase.UnitLabel> list = new ArrayList<>();
                    for (JsonNode u : e.getValue()) {
                        list.add(new LabelledCase.UnitLabel(text(u, "text", field + "[].text"),
                                HumanLabel.parse(field + "[].label", optionalText(u, "label", field + "[].label"))));
                    }
                    units.put(e.getKey(), list);
                });
            }
            return List.of(new LabelledCase(id, input, output, byMetric, units, optionalText(r, "source", "source"),
                    event.modelUsed()));
        });
    }

    /**
     * HaluEval QA ({@code qa_data.json}: one JSON object per line, or a JSON array): {@code knowledge},
     * {@code question}, {@code right_answer}, {@code hallucinated_answer}. Each record gives two cases, the right
     * answer labelled PASS and the hallucinated one FAIL, on correctness and context adherence; the question is the
     * user prompt and the knowledge the one document. Records of the {@code qa_samples} variant ({@code answer} and
     * {@code hallucination}: {@code "yes"} or {@code "no"}) give one case each, FAIL when the answer hallucinates.
     */
    public static LabelledDataset haluEvalQa(Path file) {
        return Records.read(file, (r, n) -> {
            ModelInput input = ModelInput.builder().userPrompt(text(r, "question", "question"))
                    .documents(List.of(text(r, "knowledge", "knowledge"))).build();
            if (!r.has("right_answer") && r.has("hallucination")) {
                // the qa_samples variant: one answer with a yes/no hallucination label
                return List.of(pair("halueval-" + n, input, text(r, "answer", "answer"),
                        Records.yes(r, "hallucination") ? HumanLabel.FAIL : HumanLabel.PASS));
            }
            String right = text(r, "right_answer", "right_answer");
            String wrong = text(r, "hallucinated_answer", "hallucinated_answer");
            return List.of(pair("halueval-" + n + "-right", input, right, HumanLabel.PASS),
                    pair("halueval-" + n + "-hallucinated", input, wrong, HumanLabel.FAIL));
        });
    }

    /**
     * HaluEval general ({@code general_data.json} as published: one JSON object per line, or a JSON array):
     * {@code ID}, {@code user_query}, {@code chatgpt_response} and {@code hallucination_label} ({@code "yes"} or
     * {@code "no"}, annotated by people). Each record is one case on correctness, FAIL when the response
     * hallucinates; the query is the user prompt, and the response was written by ChatGPT
     * ({@value #HALUEVAL_GENERAL_MODEL}), so a judge of that model is refused unless self-judging is allowed.
     */
    public static LabelledDataset haluEvalGeneral(Path file) {
        return Records.read(file, (r, n) -> List.of(new LabelledCase("halueval-general-" + id(r, "ID"),
                ModelInput.ofUserPrompt(text(r, "user_query", "user_query")),
                text(r, "chatgpt_response", "chatgpt_response"),
                Map.of(CORRECTNESS, Records.yes(r, "hallucination_label") ? HumanLabel.FAIL : HumanLabel.PASS),
                Map.of(), "halueval_general", HALUEVAL_GENERAL_MODEL)));
    }

    private static LabelledCase pair(String id, ModelInput input, String output, HumanLabel label) {
        Map<String, HumanLabel> labels = new LinkedHashMap<>();
        labels.put(CORRECTNESS, label);
        labels.put(CONTEXT_ADHERENCE, label);
        return new LabelledCase(id, input, output, labels, Map.of(), "halueval_qa");
    }

    /**
     * TruthfulQA, either the published {@code TruthfulQA.csv} (columns {@code Question}, {@code Best Answer},
     * {@code Best Incorrect Answer} when present, {@code Incorrect Answers} separated by {@code ;}) or JSON lines of
     * its {@code generation} configuration ({@code question}, {@code best_answer}, {@code incorrect_answers} as a
     * list). Each question gives two cases on correctness: the best answer labelled PASS and the best incorrect
     * answer (else the first incorrect one) labelled FAIL.
     */
    public static LabelledDataset truthfulQa(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return truthfulQaCsv(file);
        }
        return Records.read(file, (r, n) -> {
            JsonNode incorrect = r.get("incorrect_answers");
            String wrong = optionalText(r, "best_incorrect_answer", "best_incorrect_answer");
            if (wrong == null) {
                if (incorrect == null || !incorrect.isArray() || incorrect.isEmpty()
                        || !incorrect.get(0).isTextual()) {
                    throw new IllegalArgumentException("incorrect_answers must be a non-empty array of strings, but"
                            + " was: " + incorrect);
                }
                wrong = incorrect.get(0).asText();
            }
            return truthful(n, text(r, "question", "question"), text(r, "best_answer", "best_answer"), wrong);
        });
    }

    private static LabelledDataset truthfulQaCsv(Path file) {
        Records.Collector out = new Records.Collector();
        CsvMapper csv = new CsvMapper();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            int n = 0;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                int position = ++n;
                out.add("row " + position, () -> {
                    String wrong = blankToNull(row.get("Best Incorrect Answer"));
                    if (wrong == null) {
                        String all = blankToNull(row.get("Incorrect Answers"));
                        if (all == null) {
                            throw new IllegalArgumentException("Incorrect Answers is required, but was missing");
                        }
                        wrong = all.split(";")[0].strip();
                    }
                    return truthful(position, required(row, "Question"), required(row, "Best Answer"), wrong);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the data set " + file, e);
        }
        return out.dataset(file.getFileName().toString());
    }

    private static List<LabelledCase> truthful(int n, String question, String best, String wrong) {
        ModelInput input = ModelInput.ofUserPrompt(question);
        return List.of(
                new LabelledCase("truthfulqa-" + n + "-best", input, best, Map.of(CORRECTNESS, HumanLabel.PASS),
                        Map.of(), "truthfulqa"),
                new LabelledCase("truthfulqa-" + n + "-incorrect", input, wrong, Map.of(CORRECTNESS, HumanLabel.FAIL),
                        Map.of(), "truthfulqa"));
    }

    private static String required(Map<String, String> row, String column) {
        String v = blankToNull(row.get(column));
        if (v == null) {
            throw new IllegalArgumentException(column + " is required, but was missing or blank");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * RAGTruth: {@code response.jsonl} ({@code id}, {@code source_id}, {@code response}, {@code labels} as
     * hallucination spans, {@code split}) joined by {@code source_id} with {@code source_info.jsonl}
     * ({@code task_type}, {@code source_info}). A response is labelled FAIL on context adherence when it has at least
     * one span, PASS otherwise. The document is the source: the article (Summary), the passages (QA) or the
     * structured data as JSON (Data2txt); the user prompt is the QA question or a one-line task.
     *
     * @param split {@code "train"}, {@code "test"} or {@code null} for every response
     */
    public static LabelledDataset ragTruth(Path responses, Path sources, String split) {
        Objects.requireNonNull(sources, "sources (RAGTruth's source_info.jsonl) must not be null");
        if (split != null && !split.equals("train") && !split.equals("test")) {
            throw new IllegalArgumentException("split must be one of [train, test] or null, but was: '" + split + "'");
        }
        Map<String, JsonNode> sourceById = new HashMap<>();
        LabelledDataset sourceRead = Records.read(sources, (r, n) -> {
            sourceById.put(id(r, "source_id"), r);
            return List.of();
        });
        LabelledDataset read = Records.read(responses, (r, n) -> {
            if (split != null && !split.equals(r.path("split").asText())) {
                return List.of();
            }
            String id = id(r, "id");
            String sourceId = id(r, "source_id");
            JsonNode source = sourceById.get(sourceId);
            if (source == null) {
                throw new IllegalArgumentException("source_id '" + sourceId + "' is not in " + sources.getFileName());
            }
            JsonNode spans = r.get("labels");
            if (spans == null || !spans.isArray()) {
                throw new IllegalArgumentException("labels must be an array of hallucination spans, but was: " + spans);
            }
            HumanLabel label = spans.isEmpty() ? HumanLabel.PASS : HumanLabel.FAIL;
            return List.of(new LabelledCase("ragtruth-" + id, ragInput(source), text(r, "response", "response"),
                    Map.of(CONTEXT_ADHERENCE, label), Map.of(), "ragtruth"));
        });
        List<LabelledDataset.Skipped> skipped = new ArrayList<>();
        sourceRead.skipped().forEach(s -> skipped.add(new LabelledDataset.Skipped(sources.getFileName() + " "
                + s.position(), s.reason())));
        skipped.addAll(read.skipped());
        return new LabelledDataset(read.name(), read.cases(), skipped);
    }

    /** An id field: a non-blank string or a number. */
    private static String id(JsonNode r, String name) {
        JsonNode v = r.get(name);
        if (v != null && v.isNumber()) {
            return v.asText();
        }
        return text(r, name, name);
    }

    private static ModelInput ragInput(JsonNode source) {
        String task = source.path("task_type").asText("");
        JsonNode info = source.get("source_info");
        if (info == null || info.isNull()) {
            throw new IllegalArgumentException("source_info of source " + source.path("source_id") + " is missing");
        }
        if (task.equals("QA") && info.isObject()) {
            return ModelInput.builder().userPrompt(text(info, "question", "source_info.question"))
                    .documents(List.of(text(info, "passages", "source_info.passages"))).build();
        }
        String document = info.isTextual() ? info.asText() : info.toString();
        String prompt = task.equals("Summary") ? "Summarize the document."
                : "Write an overview of the business described by the structured data in the document.";
        return ModelInput.builder().userPrompt(prompt).documents(List.of(document)).build();
    }
}
