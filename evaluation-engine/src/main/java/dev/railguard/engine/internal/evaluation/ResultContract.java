package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's side of the metric contract, applied to every result of every metric (user metrics included): the
 * result carries the metric's own name, and PASS or FAIL is decided here from the score and the threshold the request
 * asked for, whatever threshold or verdict the metric reported. A score outside [0, 1] or NaN cannot reach here: the
 * {@link MetricResult} constructor refuses it, and the metric ends ERROR with that message.
 */
final class ResultContract {

    private ResultContract() {}

    /** {@code result} of metric {@code name} under the requested {@code threshold}, or an ERROR naming the broken rule. */
    static MetricResult enforce(String name, double threshold, MetricResult result) {
        if (!name.equals(result.metric())) {
            return MetricResult.error(name, threshold, "metric '" + name + "' broke the metric contract: its result"
                    + " is named '" + result.metric() + "', but a result must carry its metric's own name",
                    result.usage(), List.of());
        }
        if (result.score().isEmpty()) {
            return result.threshold() == threshold ? result : new MetricResult(name, result.score(), threshold,
                    result.verdict(), result.rationale(), result.units(), result.usage(), result.diagnostics());
        }
        double score = result.score().getAsDouble();
        Verdict decided = score >= threshold ? Verdict.PASS : Verdict.FAIL;
        if (decided == result.verdict() && result.threshold() == threshold) {
            return result;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        diagnostics.add(Diagnostic.warning("the engine decided " + decided + " from score " + score
                + " and the requested threshold " + threshold + "; metric '" + name + "' had reported "
                + result.verdict() + " against threshold " + result.threshold()));
        return new MetricResult(name, result.score(), threshold, decided, result.rationale(), result.units(),
                result.usage(), diagnostics);
    }
}
