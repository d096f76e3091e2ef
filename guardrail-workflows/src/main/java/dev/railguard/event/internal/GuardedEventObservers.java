package dev.railguard.event.internal;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.engine.EvaluationFailures;
import dev.railguard.event.EventObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event observers told in turn, each call guarded by the rule the engine guards its evaluation observers with
 * ({@link EvaluationFailures#tellEach}): whatever an observer throws (everything but a {@link VirtualMachineError}) is
 * logged, at WARN the first time per observer class and method, then at DEBUG, and never reaches the event.
 */
public final class GuardedEventObservers implements EventObserver {

    private static final Logger LOG = LoggerFactory.getLogger(EventObserver.class);

    private final List<EventObserver> observers;

    public GuardedEventObservers(List<EventObserver> observers) {
        this.observers = observers;
    }

    private void each(String method, Consumer<EventObserver> call) {
        EvaluationFailures.tellEach(LOG, observers, method, call);
    }

    /**
     * Nests the observers' executors; the task runs exactly once: when an observer's capture or executor fails
     * before running it, the others (or a plain call) still do.
     */
    @Override
    public Executor captureContext() {
        List<Executor> executors = new ArrayList<>(observers.size());
        each("captureContext", o -> executors.add(o.captureContext()));
        return task -> {
            Runnable nested = task;
            for (int i = executors.size() - 1; i >= 0; i--) {
                Executor e = executors.get(i);
                Runnable inner = nested;
                nested = () -> {
                    AtomicBoolean ran = new AtomicBoolean();
                    RuntimeException[] thrown = new RuntimeException[1];
                    Runnable once = () -> {
                        if (ran.compareAndSet(false, true)) {
                            try {
                                inner.run();
                            } catch (RuntimeException x) {
                                thrown[0] = x; // the work's own failure, handed back to its caller below
                            }
                        }
                    };
                    try {
                        e.execute(once);
                    } catch (VirtualMachineError error) {
                        throw error;
                    } catch (Throwable t) {
                        EvaluationFailures.listenerThrew(LOG, e, "captureContext", t);
                    }
                    once.run();
                    if (thrown[0] != null) {
                        throw thrown[0];
                    }
                };
            }
            nested.run();
        };
    }

    @Override
    public void monitorIntake(String monitor, boolean accepted) {
        each("monitorIntake", o -> o.monitorIntake(monitor, accepted));
    }

    @Override
    public void monitorEventFinished(String monitor, EvaluationStatus status, EvaluationResult result) {
        each("monitorEventFinished", o -> o.monitorEventFinished(monitor, status, result));
    }

    @Override
    public void workflowEventFinished(String workflow, EvaluationStatus status, int attempts, boolean improved) {
        each("workflowEventFinished", o -> o.workflowEventFinished(workflow, status, attempts, improved));
    }
}
