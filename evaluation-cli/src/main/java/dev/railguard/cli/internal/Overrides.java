package dev.railguard.cli.internal;

import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.api.RunMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An evaluator that applies the project file's thresholds, then the command line's {@code --metrics},
 * {@code --run-mode} and {@code --threshold} to every request before handing it to the real one: options win over
 * what each event line asks for, which wins over the file.
 */
public final class Overrides implements Evaluator {

    private final Evaluator delegate;
    private final UnaryOperator<EvaluationRequest> defaults;
    private final List<String> metrics;
    private final RunMode runMode;
    private final Map<String, Double> thresholds;

    /**
     * Overrides for {@code delegate}, applied after {@code defaults} (the project file's thresholds); an empty list, a
     * null run mode or an empty map leaves that part alone.
     */
    public Overrides(Evaluator delegate, UnaryOperator<EvaluationRequest> defaults, List<String> metrics,
            RunMode runMode, Map<String, Double> thresholds) {
        this.delegate = delegate;
        this.defaults = defaults;
        this.metrics = List.copyOf(metrics);
        this.runMode = runMode;
        this.thresholds = Map.copyOf(thresholds);
    }

    /** Whether this changes anything. */
    public boolean active() {
        return !metrics.isEmpty() || runMode != null || !thresholds.isEmpty();
    }

    EvaluationRequest apply(EvaluationRequest given) {
        EvaluationRequest request = defaults.apply(given);
        if (!active()) {
            return request;
        }
        List<String> names = metrics.isEmpty() ? request.metrics() : metrics;
        EvaluationRequest.Builder b = EvaluationRequest.builder().modelInput(request.modelInput())
                .modelOutput(request.modelOutput()).modelUsed(request.modelUsed())
                .runMode(runMode != null ? runMode : request.runMode()).nametag(request.nametag()).metrics(names)
                .capabilities(request.capabilities().toArray(new Capability[0]));
        request.thresholds().forEach((metric, t) -> {
            if (names.contains(metric)) {
                b.threshold(metric, t);
            }
        });
        thresholds.forEach((metric, t) -> {
            if (names.contains(metric)) {
                b.threshold(metric, t);
            }
        });
        return b.build();
    }

    @Override
    public EvaluationResult evaluate(EvaluationRequest request) {
        return delegate.evaluate(apply(request));
    }

    @Override
    public EvaluationHandle submit(EvaluationRequest request) {
        return delegate.submit(apply(request));
    }

    @Override
    public Set<String> metricNames() {
        return delegate.metricNames();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
