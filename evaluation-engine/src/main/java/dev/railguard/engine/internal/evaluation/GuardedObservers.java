package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.EvaluationResult;
import dev.railguard.engine.EvaluationFailures;
import dev.railguard.engine.EvaluationObservation;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgeCallRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observers told in turn, each call guarded: whatever an observer throws (a {@link RuntimeException}, a
 * {@link LinkageError} such as a missing optional class, a {@code ServiceConfigurationError}; everything but a
 * {@link VirtualMachineError}) is logged, at WARN the first time per observer class and method, then at DEBUG, and
 * never reaches the evaluation ({@link EvaluationFailures#tellEach}, the rule the workflows' event observers share).
 * Built by {@link EvaluationObserver#of}.
 */
public final class GuardedObservers implements EvaluationObserver {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationObserver.class);

    private final List<EvaluationObserver> observers;

    /** Tells {@code observers} in turn, each guarded. */
    public GuardedObservers(List<EvaluationObserver> observers) {
        this.observers = observers;
    }

    private void each(String method, Consumer<EvaluationObserver> call) {
        EvaluationFailures.tellEach(LOG, observers, method, call);
    }

    @Override
    public EvaluationObservation evaluationStarted(EvaluationStart start) {
        List<EvaluationObservation> all = new ArrayList<>(observers.size());
        each("evaluationStarted", o -> {
            EvaluationObservation obs = o.evaluationStarted(start);
            if (obs != null && obs != EvaluationObservation.NONE) {
                all.add(obs);
            }
        });
        return all.isEmpty() ? EvaluationObservation.NONE : new Guarded(List.copyOf(all));
    }

    @Override
    public void judgeCallFinished(JudgeCallRecord call) {
        each("judgeCallFinished", o -> o.judgeCallFinished(call));
    }

    @Override
    public void judgeTrafficBound(JudgeTrafficGauges gauges) {
        each("judgeTrafficBound", o -> o.judgeTrafficBound(gauges));
    }

    /** The observations of one evaluation, each call guarded. */
    private record Guarded(List<EvaluationObservation> observations) implements EvaluationObservation {
        @Override
        public void judgeCallFinished(JudgeCallRecord call) {
            EvaluationFailures.tellEach(LOG, observations, "judgeCallFinished", o -> o.judgeCallFinished(call));
        }

        @Override
        public void finished(EvaluationResult result) {
            EvaluationFailures.tellEach(LOG, observations, "finished", o -> o.finished(result));
        }
    }
}
