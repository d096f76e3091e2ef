package dev.railguard.metaeval;

import dev.railguard.metaeval.internal.DatasetReaders;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads labelled data sets: Railguard's own JSON lines and the public formats users already have. A record that
 * cannot be read is left out with its position and reason ({@link LabelledDataset#skipped()}); only an unreadable
 * file throws. Railguard ships none of the public data: each user downloads it (README, "How far can you trust a
 * judge?").
 */
public final class Datasets {

    private Datasets() {}

    /**
     * Railguard's labelled JSON lines: one object per line with {@code id}, {@code model_input} (the batch format's:
     * {@code user_prompt}, {@code system_prompt}, {@code ground_truth}, {@code documents}, {@code context}),
     * {@code model_output}, {@code labels} ({@code {"correctness": "FAIL", ...}}), optional {@code unit_labels}
     * ({@code {"correctness": [{"text": "...", "label": "FAIL"}]}}), {@code source} and {@code model_used} (the model
     * that wrote the output, so that a judge of that model is refused unless self-judging is allowed).
     *
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static LabelledDataset railguard(Path file) {
        return DatasetReaders.railguard(file);
    }

    /**
     * HaluEval QA ({@code data/qa_data.json}): each record ({@code knowledge}, {@code question}, {@code right_answer},
     * {@code hallucinated_answer}) gives two cases labelled on {@code correctness} and {@code context_adherence}: the
     * right answer PASS, the hallucinated one FAIL. The question is the user prompt, the knowledge the document.
     * Records of the {@code qa_samples} variant ({@code answer}, {@code hallucination} {@code "yes"}/{@code "no"})
     * give one case each.
     */
    public static LabelledDataset haluEvalQa(Path file) {
        return DatasetReaders.haluEvalQa(file);
    }

    /**
     * HaluEval general ({@code data/general_data.json} as published): each record ({@code ID}, {@code user_query},
     * {@code chatgpt_response}, {@code hallucination_label} {@code "yes"}/{@code "no"}) is one case on
     * {@code correctness}, FAIL when people found a hallucination. The cases' {@code modelUsed} is ChatGPT's
     * {@code gpt-3.5-turbo}. A later record with an id already read is skipped with its line and reason.
     */
    public static LabelledDataset haluEvalGeneral(Path file) {
        return DatasetReaders.haluEvalGeneral(file);
    }

    /**
     * TruthfulQA, {@code TruthfulQA.csv} or JSON lines of the {@code generation} configuration: each question gives
     * two cases on {@code correctness}, the best answer PASS and the best incorrect answer (else the first incorrect
     * one) FAIL.
     */
    public static LabelledDataset truthfulQa(Path file) {
        return DatasetReaders.truthfulQa(file);
    }

    /**
     * RAGTruth: {@code response.jsonl} joined with {@code source_info.jsonl}; a response with at least one
     * hallucination span is FAIL on {@code context_adherence}, one without is PASS.
     *
     * @param split {@code "train"}, {@code "test"}, or {@code null} for both
     */
    public static LabelledDataset ragTruth(Path responses, Path sourceInfo, String split) {
        return DatasetReaders.ragTruth(responses, sourceInfo, split);
    }

    /**
     * Reads {@code file} in {@code format}; {@code sourceInfo} is RAGTruth's {@code source_info.jsonl} (required for
     * {@link DatasetFormat#RAGTRUTH}, ignored otherwise).
     *
     * @throws IllegalArgumentException when RAGTruth is asked for without {@code sourceInfo}
     */
    public static LabelledDataset read(DatasetFormat format, Path file, Path sourceInfo) {
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(file, "dataset must not be null");
        return switch (format) {
            case RAILGUARD -> railguard(file);
            case HALUEVAL_QA -> haluEvalQa(file);
            case HALUEVAL_GENERAL -> haluEvalGeneral(file);
            case TRUTHFULQA -> truthfulQa(file);
            case RAGTRUTH -> {
                if (sourceInfo == null) {
                    throw new IllegalArgumentException("sourceInfo (RAGTruth's source_info.jsonl) is required for"
                            + " format 'ragtruth', but was missing");
                }
                yield ragTruth(file, sourceInfo, null);
            }
        };
    }
}
