package dev.railguard.spring.internal;

import dev.railguard.engine.Judge;
import dev.railguard.engine.RailguardEvaluator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code railguard} health contributor: DOWN when a judge's last call was refused for its credentials or
 * answered with HTML (see {@link JudgeHealth}); UP otherwise, with each judge's last outcome. Reads what the
 * evaluations saw; a health check never calls a judge.
 */
public final class JudgeHealthIndicator extends AbstractHealthIndicator {

    private final RailguardEvaluator evaluator;
    private final JudgeHealth health;

    public JudgeHealthIndicator(RailguardEvaluator evaluator, JudgeHealth health) {
        super("Railguard health check failed");
        this.evaluator = evaluator;
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, JudgeHealth.Last> seen = health.judges();
        boolean down = false;
        Map<String, Object> judges = new LinkedHashMap<>();
        for (Judge j : evaluator.panel().all()) {
            JudgeHealth.Last last = seen.get(j.name());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("model", j.modelName());
            if (last == null) {
                d.put("lastCall", "none yet");
            } else {
                d.put("lastCall", last.outcome());
                d.put("at", last.at().toString());
                if (last.errorType() != null) {
                    d.put("error", last.errorType());
                }
                if (last.down()) {
                    d.put("reason", JudgeHealth.why(last));
                    down = true;
                }
            }
            judges.put(j.name(), d);
        }
        builder.status(down ? "DOWN" : "UP").withDetail("judges", judges);
        if (judges.isEmpty()) {
            builder.withDetail("note", "no judge is configured: only in-process metrics can run");
        }
    }
}
