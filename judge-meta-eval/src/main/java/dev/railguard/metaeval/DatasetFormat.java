package dev.railguard.metaeval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The data set formats {@link Datasets} reads, by the names a command line uses. */
public enum DatasetFormat {
    /** Railguard's labelled JSON lines. */
    RAILGUARD("railguard"),
    /** HaluEval QA ({@code qa_data.json}). */
    HALUEVAL_QA("halueval_qa"),
    /** HaluEval general ({@code general_data.json}: ChatGPT responses to user queries, labelled by people). */
    HALUEVAL_GENERAL("halueval_general"),
    /** TruthfulQA (CSV or JSON lines). */
    TRUTHFULQA("truthfulqa"),
    /** RAGTruth ({@code response.jsonl} with {@code source_info.jsonl}). */
    RAGTRUTH("ragtruth");

    private final String wireName;

    DatasetFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name a command line uses. */
    public String wireName() {
        return wireName;
    }

    /**
     * The format named {@code name} (case ignored).
     *
     * @throws IllegalArgumentException naming the value and the names that exist
     */
    public static DatasetFormat fromWireName(String name) {
        for (DatasetFormat f : values()) {
            if (f.wireName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return f;
            }
        }
        List<String> names = Arrays.stream(values()).map(DatasetFormat::wireName).toList();
        throw new IllegalArgumentException("format must be one of " + names + ", but was: "
                + (name == null ? "null" : "'" + name.toLowerCase(Locale.ROOT) + "'"));
    }
}
