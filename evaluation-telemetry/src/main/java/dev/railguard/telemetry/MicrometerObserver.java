package dev.railguard.telemetry;

import static dev.railguard.telemetry.internal.Names.*;

import dev.railguard.api.Checks;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.engine.EvaluationObservation;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.event.EventObserver;
import dev.railguard.engine.JudgeCallRecord;
import dev.railguard.telemetry.internal.BoundedTags;
import dev.railguard.telemetry.internal.PassRateWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Evaluations as Micrometer meters. Tags are bounded: metric, verdict, run mode, judge, outcome, monitor and
 * workflow names come from the configuration, never from the data; no event id is ever a tag, and nametags only when
 * {@link Builder#allowNametags(int)} allows them (the first {@code n}, later ones as {@code _other}).
 *
 * <table>
 *   <caption>Meters (Prometheus names in brackets)</caption>
 *   <tr><td>{@code railguard.evaluations} [{@code railguard_evaluations_total}]</td>
 *       <td>counter: metric results by {@code metric}, {@code verdict}, {@code run_mode}, {@code judge} (the judges
 *       that judged it, joined with {@code +}, or {@code none}) (+ {@code nametag})</td></tr>
 *   <tr><td>{@code railguard.judge.calls}</td><td>counter: judge calls by {@code judge}, {@code outcome}
 *       (ok, retried, failed, cached)</td></tr>
 *   <tr><td>{@code railguard.judge.latency}</td><td>timer with p50/p95/p99 and a histogram, by {@code judge}</td></tr>
 *   <tr><td>{@code railguard.judge.tokens}</td><td>counter by {@code judge}, {@code type} (input, output)</td></tr>
 *   <tr><td>{@code railguard.judge.cost}</td><td>counter by {@code judge}, in the price table's currency</td></tr>
 *   <tr><td>{@code railguard.judge.cache}</td><td>function counter by {@code result} (hit, miss, corrupt)</td></tr>
 *   <tr><td>{@code railguard.judge.queued}, {@code railguard.judge.in_flight}</td><td>gauges of the dispatcher</td></tr>
 *   <tr><td>{@code railguard.monitor.intake}</td><td>counter by {@code monitor}, {@code result} (accepted,
 *       rejected)</td></tr>
 *   <tr><td>{@code railguard.monitor.events}</td><td>counter by {@code monitor}, {@code status}</td></tr>
 *   <tr><td>{@code railguard.monitor.pass_rate}</td><td>gauge by {@code monitor}, {@code metric}: share of PASS
 *       among the last {@link Builder#passRateWindow(int)} verdicts (ERROR counts as not passed)</td></tr>
 *   <tr><td>{@code railguard.workflow.events}</td><td>counter by {@code workflow}, {@code status},
 *       {@code improved}</td></tr>
 * </table>
 *
 * <p>Needs {@code io.micrometer:micrometer-core} on the class path; nothing else in Railguard does.
 */
public final class MicrometerObserver implements EvaluationObserver, EventObserver {

    private final MeterRegistry registry;
    private final BoundedTags nametags;
    private final int window;
    private final Map<String, PassRateWindow> passRates = new ConcurrentHashMap<>();
    private final Map<String, JudgeMeters> judges = new ConcurrentHashMap<>();
    private final Map<String, Counter> evaluations = new ConcurrentHashMap<>();
    /** Kept so the gauges' targets live as long as this observer (Micrometer holds gauge targets weakly). */
    private final List<JudgeTrafficGauges> bound = new CopyOnWriteArrayList<>();

    private MicrometerObserver(Builder b) {
        this.registry = b.registry;
        this.nametags = b.nametags < 0 ? null : new BoundedTags(b.nametags);
        this.window = b.window;
    }

    /** An observer with the defaults: no nametag tag, a pass-rate window of 100 verdicts. */
    public static MicrometerObserver create(MeterRegistry registry) {
        return builder(registry).build();
    }

    /** A builder over {@code registry}. */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public EvaluationObservation evaluationStarted(EvaluationStart start) {
        String runMode = start.request().runMode().wireName();
        String nametag = nametags == null ? null : nametags.of(start.request().nametag());
        return new EvaluationObservation() {
            @Override
            public void finished(EvaluationResult result) {
                for (MetricResult r : result.metrics().values()) {
                    String verdict = label(r.verdict());
                    String judge = judges(r);
                    String key = r.metric() + '\u0000' + verdict + '\u0000' + runMode + '\u0000' + judge + '\u0000'
                            + nametag;
                    evaluations.computeIfAbsent(key, k -> {
                        Tags tags = Tags.of("metric", r.metric(), "verdict", verdict, "run_mode", runMode,
                                "judge", judge);
                        return registry.counter(METER_EVALUATIONS, nametag == null ? tags : tags.and("nametag",
                                nametag));
                    }).increment();
                }
            }
        };
    }

    @Override
    public void judgeCallFinished(JudgeCallRecord call) {
        JudgeMeters m = judges.computeIfAbsent(call.judge(), JudgeMeters::new);
        m.calls.get(call.outcome()).increment();
        if (call.outcome() == JudgeCallRecord.Outcome.CACHED) {
            return;
        }
        m.latency.record(call.duration());
        m.inputTokens.increment(call.inputTokens());
        m.outputTokens.increment(call.outputTokens());
        m.cost.increment(call.cost());
    }

    /** The meters of one judge, registered once (a registry lookup per call costs more than the recording). */
    private final class JudgeMeters {
        final Map<JudgeCallRecord.Outcome, Counter> calls = new EnumMap<>(JudgeCallRecord.Outcome.class);
        final Timer latency;
        final Counter inputTokens;
        final Counter outputTokens;
        final Counter cost;

        JudgeMeters(String judge) {
            for (JudgeCallRecord.Outcome o : JudgeCallRecord.Outcome.values()) {
                calls.put(o, Counter.builder(METER_JUDGE_CALLS).description("Judge calls by outcome")
                        .tags("judge", judge, "outcome", o.tag()).register(registry));
            }
            latency = Timer.builder(METER_JUDGE_LATENCY)
                    .description("Wall time of judge calls, retries and repair included")
                    .tag("judge", judge)
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .publishPercentileHistogram()
                    .register(registry);
            inputTokens = Counter.builder(METER_JUDGE_TOKENS).baseUnit("tokens").tags("judge", judge, "type", "input")
                    .register(registry);
            outputTokens = Counter.builder(METER_JUDGE_TOKENS).baseUnit("tokens")
                    .tags("judge", judge, "type", "output").register(registry);
            cost = Counter.builder(METER_JUDGE_COST).description("Cost of judge tokens in the price table's currency")
                    .tag("judge", judge).register(registry);
        }
    }

    @Override
    public void judgeTrafficBound(JudgeTrafficGauges gauges) {
        bound.add(gauges);
        Gauge.builder(METER_QUEUED, gauges, JudgeTrafficGauges::queuedCalls)
                .description("Judge requests waiting for capacity").strongReference(true).register(registry);
        Gauge.builder(METER_IN_FLIGHT, gauges, JudgeTrafficGauges::inFlightCalls)
                .description("Judge requests running").strongReference(true).register(registry);
        FunctionCounter.builder(METER_CACHE, gauges, g -> g.stats().cacheHits()).tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(METER_CACHE, gauges, g -> g.stats().cacheMisses()).tag("result", "miss")
                .register(registry);
        FunctionCounter.builder(METER_CACHE, gauges, g -> g.stats().corruptCacheEntries()).tag("result", "corrupt")
                .register(registry);
    }

    @Override
    public void monitorIntake(String monitor, boolean accepted) {
        registry.counter(METER_MONITOR_INTAKE, "monitor", monitor, "result", accepted ? "accepted" : "rejected")
                .increment();
    }

    @Override
    public void monitorEventFinished(String monitor, EvaluationStatus status, EvaluationResult result) {
        registry.counter(METER_MONITOR_EVENTS, "monitor", monitor, "status", label(status)).increment();
        if (result == null) {
            return;
        }
        for (MetricResult r : result.metrics().values()) {
            passRate(monitor, r.metric()).add(r.verdict());
        }
    }

    @Override
    public void workflowEventFinished(String workflow, EvaluationStatus status, int attempts, boolean improved) {
        registry.counter(METER_WORKFLOW_EVENTS, "workflow", workflow, "status", label(status),
                "improved", Boolean.toString(improved)).increment();
    }

    /**
     * The judges that judged {@code r}, sorted and joined with {@code +} (bounded by the panel), or {@code none} (an
     * in-process metric, a cache hit, a call that never reached a judge).
     */
    static String judges(MetricResult r) {
        Map<String, Integer> calls = r.usage().callsByJudge();
        return calls.isEmpty() ? "none" : String.join("+", new java.util.TreeSet<>(calls.keySet()));
    }

    private PassRateWindow passRate(String monitor, String metric) {
        return passRates.computeIfAbsent(monitor + '\u0000' + metric, k -> {
            PassRateWindow w = new PassRateWindow(window);
            Gauge.builder(METER_MONITOR_PASS_RATE, w, PassRateWindow::rate)
                    .description("Share of PASS among the last " + window + " verdicts of the metric")
                    .tags("monitor", monitor, "metric", metric)
                    .strongReference(true)
                    .register(registry);
            return w;
        });
    }

    /** Options of a {@link MicrometerObserver}. */
    public static final class Builder {
        private final MeterRegistry registry;
        private int nametags = -1;
        private int window = 100;

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry must not be null");
        }

        /**
         * Tags evaluations with their nametag, keeping the first {@code max} distinct nametags and counting any later
         * one as {@code _other}; default: no nametag tag.
         */
        public Builder allowNametags(int max) {
            Checks.atLeast(max, 1, "allowNametags");
            this.nametags = max;
            return this;
        }

        /** How many of the latest verdicts per monitor and metric the pass-rate gauge reads; default 100. */
        public Builder passRateWindow(int size) {
            Checks.atLeast(size, 1, "passRateWindow");
            this.window = size;
            return this;
        }

        /** The observer. */
        public MicrometerObserver build() {
            return new MicrometerObserver(this);
        }
    }
}
