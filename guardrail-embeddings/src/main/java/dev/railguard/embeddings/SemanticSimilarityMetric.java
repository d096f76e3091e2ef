package dev.railguard.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Thresholds;
import dev.railguard.api.Usage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code semantic_similarity}: how close the output's meaning is to the ground truth, by the cosine similarity of
 * their embeddings from an in-process LangChain4j embedding model (by default the quantized all-MiniLM-L6-v2, which
 * runs offline on the CPU: no key, no network, a few milliseconds per pair once loaded).
 * <ul>
 * <li>Needs: the ground truth.</li>
 * <li>Score: the cosine similarity, clipped to [0, 1]. No units: the score is one number about the whole text.</li>
 * <li>Default threshold 0.70: with all-MiniLM-L6-v2, paraphrases of one answer score about 0.75 to 0.95, related but
 * different answers 0.4 to 0.7, unrelated texts below 0.3. Tune it on your data; it measures closeness in meaning,
 * not correctness (a negated sentence can stay close).</li>
 * <li>The model is loaded on first use (about a second) and shared by every instance that uses the default.</li>
 * </ul>
 * This module is optional so the core stays small: add {@code dev.railguard:guardrail-embeddings} (it brings the
 * ~23 MB model and ONNX Runtime) and the metric is registered through {@link java.util.ServiceLoader}.
 */
public final class SemanticSimilarityMetric implements InProcessMetric {

    /** The name of the default instance. */
    public static final String NAME = "semantic_similarity";

    /** The default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.70;

    private final String name;
    private final double threshold;
    private final Supplier<EmbeddingModel> model;

    /** The default: all-MiniLM-L6-v2 (quantized), threshold 0.70 (also used by {@link java.util.ServiceLoader}). */
    public SemanticSimilarityMetric() {
        this(NAME, DEFAULT_THRESHOLD, DefaultModel::get);
    }

    private SemanticSimilarityMetric(String name, double threshold, Supplier<EmbeddingModel> model) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name must be snake_case ([a-z][a-z0-9_]*), but was: '" + name + "'");
        }
        this.threshold = Thresholds.check(threshold, "threshold");
        this.model = model;
    }

    /**
     * A similarity metric named {@code name} with another embedding model (any LangChain4j {@link EmbeddingModel}) and
     * default threshold; register it with {@code MetricRegistry.with(...)}.
     *
     * @throws IllegalArgumentException if {@code name} is not snake_case or the threshold is outside [0, 1]
     */
    public static SemanticSimilarityMetric using(String name, EmbeddingModel model, double defaultThreshold) {
        Objects.requireNonNull(model, "model must not be null");
        return new SemanticSimilarityMetric(name, defaultThreshold, () -> model);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "How close the output's meaning is to the ground truth (cosine similarity of embeddings, offline).";
    }

    @Override
    public Set<InputRequirement> requires() {
        return Set.of(InputRequirement.GROUND_TRUTH);
    }

    @Override
    public double defaultThreshold() {
        return threshold;
    }

    /** The cosine similarity of the embeddings of {@code a} and {@code b}, clipped to [0, 1]. */
    public double similarity(String a, String b) {
        EmbeddingModel m = model.get();
        Embedding ea = m.embed(a).content();
        Embedding eb = m.embed(b).content();
        double cos = CosineSimilarity.between(ea, eb);
        return Math.max(0.0, Math.min(1.0, cos));
    }

    @Override
    public MetricResult evaluate(EvaluationRequest request, double threshold) {
        String truth = request.modelInput().groundTruth();
        String output = request.modelOutput();
        if (output.isBlank()) {
            return MetricResult.scored(name, 0.0, threshold, "The output is empty; similarity 0.00.", List.of(),
                    Usage.NONE, List.of());
        }
        try {
            double s = similarity(output, truth);
            String text = String.format(Locale.ROOT, "%.2f", s);
            return MetricResult.scored(name, s, threshold, "Cosine similarity of the output to the ground truth: "
                    + text + " (threshold " + String.format(Locale.ROOT, "%.2f", threshold) + ").", List.of(),
                    Usage.NONE, List.of(Diagnostic.info("embedding model: " + model.get().modelName())));
        } catch (RuntimeException | LinkageError e) {
            return MetricResult.error(name, threshold, "the embedding model failed: " + e, Usage.NONE, List.of());
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The default model, loaded once on first use. */
    private static final class DefaultModel {
        private static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();

        static EmbeddingModel get() {
            return INSTANCE;
        }
    }
}
