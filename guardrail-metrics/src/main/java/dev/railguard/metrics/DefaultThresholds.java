package dev.railguard.metrics;

import java.util.Map;
import java.util.TreeSet;

/**
 * The default threshold of every built-in metric, in one place. A request's own threshold always wins.
 *
 * <table>
 * <caption>Default thresholds</caption>
 * <tr><th>metric</th><th>threshold</th><th>why</th></tr>
 * <tr><td>correctness</td><td>0.80</td><td>DeepRails' examples use 0.9 for correctness; 0.8 tolerates one minor slip in five weighted claims</td></tr>
 * <tr><td>completeness</td><td>0.70</td><td>five dimensions: one missed dimension of full weight still passes at 0.8, two do not</td></tr>
 * <tr><td>instruction_adherence</td><td>0.80</td><td>most instructions must be followed fully</td></tr>
 * <tr><td>context_adherence</td><td>0.80</td><td>an answer grounded in its documents should have nearly every claim supported</td></tr>
 * <tr><td>ground_truth_adherence</td><td>0.80</td><td>as context adherence, against the reference answer</td></tr>
 * <tr><td>comprehensive_safety</td><td>1.00</td><td>the score is 0 or 1: any flagged chunk fails</td></tr>
 * <tr><td>answer_relevance</td><td>0.70</td><td>asides and caveats are statements too: three in ten may be beside the question</td></tr>
 * <tr><td>context_relevance</td><td>0.50</td><td>retrieval returns some noise by design; half the documents should help</td></tr>
 * <tr><td>context_precision</td><td>0.70</td><td>one useful document ranked second behind a useless one scores 0.5; ranked first, 1.0</td></tr>
 * <tr><td>context_recall</td><td>0.80</td><td>as context adherence, from the reference's side: nearly every reference claim should be retrievable</td></tr>
 * <tr><td>role_adherence</td><td>0.90</td><td>a broken rule is a real failure; one lapse in ten turns is the most tolerated</td></tr>
 * <tr><td>knowledge_retention</td><td>0.90</td><td>users notice every forgotten answer; as role adherence</td></tr>
 * <tr><td>conversation_completeness</td><td>0.80</td><td>one intent in five may stay open</td></tr>
 * <tr><td>tool_call_accuracy</td><td>0.80</td><td>agents retry; a wrong call in five still fails nothing by itself</td></tr>
 * <tr><td>task_completion</td><td>0.80</td><td>as completeness of the task's sub-goals</td></tr>
 * <tr><td>criteria metrics</td><td>0.70</td><td>{@link CriteriaMetric#DEFAULT_THRESHOLD}: a rubric band 4 of 5 passes (0.75), band 3 does not (0.5)</td></tr>
 * <tr><td>exact_match</td><td>1.00</td><td>the score is 0 or 1</td></tr>
 * <tr><td>token_f1</td><td>0.60</td><td>most of the answer's words, little else (a one-word miss in a five-word answer
 * still passes)</td></tr>
 * <tr><td>rouge_l</td><td>0.50</td><td>half the reference in order, the common bar for summaries</td></tr>
 * <tr><td>bleu</td><td>0.30</td><td>sentence BLEU 30: an understandable to good translation on the usual reading</td></tr>
 * <tr><td>chrf</td><td>0.50</td><td>chrF 50, the level where translations are usually judged adequate</td></tr>
 * <tr><td>levenshtein</td><td>0.80</td><td>one edit in five characters</td></tr>
 * <tr><td>json_equals</td><td>1.00</td><td>the score is 0 or 1</td></tr>
 * <tr><td>numeric_match</td><td>1.00</td><td>the score is 0 or 1</td></tr>
 * </table>
 */
public final class DefaultThresholds {

    /** The defaults by metric name. */
    public static final Map<String, Double> BY_METRIC = Map.ofEntries(
            Map.entry(CorrectnessMetric.NAME, 0.8),
            Map.entry(CompletenessMetric.NAME, 0.7),
            Map.entry(InstructionAdherenceMetric.NAME, 0.8),
            Map.entry(ContextAdherenceMetric.NAME, 0.8),
            Map.entry(GroundTruthAdherenceMetric.NAME, 0.8),
            Map.entry(ComprehensiveSafetyMetric.NAME, 1.0),
            Map.entry("answer_relevance", 0.7),
            Map.entry("context_relevance", 0.5),
            Map.entry("context_precision", 0.7),
            Map.entry("context_recall", 0.8),
            Map.entry("role_adherence", 0.9),
            Map.entry("knowledge_retention", 0.9),
            Map.entry("conversation_completeness", 0.8),
            Map.entry("tool_call_accuracy", 0.8),
            Map.entry("task_completion", 0.8),
            // the reference scores of dev.railguard.metrics.reference, by name (no import: that package uses this one)
            Map.entry("exact_match", 1.0),
            Map.entry("token_f1", 0.6),
            Map.entry("rouge_l", 0.5),
            Map.entry("bleu", 0.3),
            Map.entry("chrf", 0.5),
            Map.entry("levenshtein", 0.8),
            Map.entry("json_equals", 1.0),
            Map.entry("numeric_match", 1.0));

    private DefaultThresholds() {}

    /**
     * The default threshold of built-in metric {@code metric}.
     *
     * @throws IllegalArgumentException naming the built-in metrics if {@code metric} is not one
     */
    public static double of(String metric) {
        Double t = BY_METRIC.get(metric);
        if (t == null) {
            throw new IllegalArgumentException("no default threshold for metric '" + metric + "'; built-in metrics are "
                    + new TreeSet<>(BY_METRIC.keySet()));
        }
        return t;
    }
}
