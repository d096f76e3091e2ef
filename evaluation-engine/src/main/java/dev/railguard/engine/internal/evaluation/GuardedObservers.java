package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.EvaluationResult;
import dev.railguard.engine.EvaluationObservation;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgeCallRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observers told in turn, each call guarded: whatever an observer throws (a {@link RuntimeException}, a
 * {@link LinkageError} such as a missing optional class, a {@code ServiceConfigurationError}; everything but a
 * {@link VirtualMachineError}) is logged, at WARN the first time per observer class and method, then at DEBUG, and
 * never reaches the evaluation. Built by {@link EvaluationObserver#of}.
 */
public final class GuardedObservers implements EvaluationObserver {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationObserver.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final List<EvaluationObserver> observers;

    /** Tells {@code observers} in turn, each guarded. */
    public GuardedObservers(List<EvaluationObserver> observers) {
        this.observers = observers;
    }

    static void failed(Object observer, String method, Throwable e) {
        String key = observer.getClass().getName() + "." + method;
        if (WARNED.add(key)) {
            LOG.warn("observer {} threw in {} (ignored; further failures are logged at DEBUG): {}",
                    observer.getClass().getName(), method, e.toString());
        } else {
            LOG.debug("observer {} threw in {}: {}", observer.getClass().getName(), method, e.toString());
        }
    }

    private interface Call {
        void run(EvaluationObserver o);
    }

    private void each(String method, Call call) {
        for (EvaluationObserver o : observers) {
            try {
                call.run(o);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                failed(o, method, e);
            }
        }
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
            for (EvaluationObservation o : observations) {
                try {
                    o.judgeCallFinished(call);
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    failed(o, "judgeCallFinished", e);
                }
            }
        }

        @Override
        public void finished(EvaluationResult result) {
            for (EvaluationObservation o : observations) {
                try {
                    o.finished(result);
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    failed(o, "finished", e);
                }
            }
        }
    }
}
