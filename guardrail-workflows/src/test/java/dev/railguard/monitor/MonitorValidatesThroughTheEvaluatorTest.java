package dev.railguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.api.ModelInput;
import dev.railguard.event.EventInput;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Any {@link Evaluator}, not only Railguard's, refuses a bad event at the monitor's door through its validate. */
class MonitorValidatesThroughTheEvaluatorTest {

    /** An evaluator of another make that refuses long outputs in advance and counts what it was asked to evaluate. */
    static final class Picky implements Evaluator {
        final AtomicInteger submitted = new AtomicInteger();

        @Override
        public void validate(EvaluationRequest request) {
            if (request.modelOutput().length() > 5) {
                throw new IllegalArgumentException("modelOutput must be at most 5 characters, but was "
                        + request.modelOutput().length());
            }
        }

        @Override
        public EvaluationResult evaluate(EvaluationRequest request) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public EvaluationHandle submit(EvaluationRequest request) {
            submitted.incrementAndGet();
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Set<String> metricNames() {
            return Set.of("anything");
        }

        @Override
        public void close() {}
    }

    @Test
    void an_event_the_evaluator_refuses_fails_when_it_is_handed_in_and_is_never_queued() {
        Picky picky = new Picky();
        try (Monitor monitor = Monitor.builder().name("m").evaluator(picky).metrics("anything").build()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> monitor.submit(EventInput.of(ModelInput.ofUserPrompt("q"), "far too long")))
                    .withMessage("modelOutput must be at most 5 characters, but was 12");
            assertThat(monitor.stats().totalEvaluations()).isZero();
        }
        assertThat(picky.submitted).hasValue(0);
    }
}
