package dev.railguard.testkit;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static FaultInjector faults() {
        return FaultInjector.around(request -> {
            throw new AssertionError("no request is sent");
        });
    }

    @Test
    void a_share_outside_zero_to_one_or_nan_is_refused_naming_the_fault() {
        assertThatIllegalArgumentException().isThrownBy(() -> faults().serverErrors(Double.NaN))
                .withMessage("share of SERVER_ERROR must be between 0.0 and 1.0, but was: NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> faults().rateLimited(1.5, Duration.ofSeconds(1)))
                .withMessage("share of RATE_LIMITED must be between 0.0 and 1.0, but was: 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> faults().malformed(-0.1))
                .withMessage("share of MALFORMED must be between 0.0 and 1.0, but was: -0.1");
    }
}
