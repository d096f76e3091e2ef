package dev.railguard.samples;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.store.EventPage;
import dev.railguard.store.EventQuery;
import dev.railguard.store.EventStore;
import dev.railguard.store.MetricOutcome;
import dev.railguard.store.StoredEvent;
import dev.railguard.event.EventInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.monitor.MetricDistribution;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.NametagStats;
import dev.railguard.monitor.MonitorStats;
import dev.railguard.engine.RailguardEvaluator;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * A monitor over production events: events are taken without blocking, evaluated in the background, and summarised
 * per metric and per nametag; run with a judge configured in the environment (see {@link JudgeEnvironment}). With a
 * store file as the argument (or {@code RAILGUARD_STORE}), every event is also kept in that SQLite file (or JDBC URL),
 * and the failing ones are listed from it.
 */
public final class MonitorSample {

    static final String[][] EVENTS = {
        {"What is the capital of France?", "The capital of France is Paris.", "release-1"},
        {"What is the capital of Italy?", "The capital of Italy is Rome.", "release-1"},
        {"What is the capital of Spain?", "The capital of Spain is Barcelona.", "release-2"},
        {"What is the capital of Germany?", "The capital of Germany is Berlin.", "release-2"},
    };

    private MonitorSample() {}

    /** Runs the sample against the configured judge, or says what is missing. */
    public static void main(String... args) throws InterruptedException {
        Optional<JudgePanel> panel = JudgeEnvironment.fromSystem().panel();
        if (panel.isEmpty()) {
            System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE);
            return;
        }
        String store = args.length > 0 ? args[0] : System.getenv("RAILGUARD_STORE");
        if (store == null || store.isBlank()) {
            run(panel.get(), System.out);
        } else {
            try (EventStore events = EventStore.open(store)) {
                run(panel.get(), System.out, events);
            }
        }
    }

    /** The sample itself: returns the final statistics. */
    static MonitorStats run(JudgePanel panel, PrintStream out) throws InterruptedException {
        return run(panel, out, null);
    }

    /** The sample, keeping every event in {@code store} when it is not null. */
    static MonitorStats run(JudgePanel panel, PrintStream out, EventStore store) throws InterruptedException {
        Monitor.Builder builder = Monitor.builder().name("capitals bot").metrics("correctness", "comprehensive_safety");
        if (store != null) {
            builder.recorder(store.recorder());
        }
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel).build();
                Monitor monitor = builder.evaluator(evaluator).build()) {
            for (String[] e : EVENTS) {
                monitor.submit(EventInput.of(ModelInput.ofUserPrompt(e[0]), e[1]).withNametag(e[2]));
            }
            monitor.awaitIdle(Duration.ofMinutes(5));
            MonitorStats stats = monitor.stats();
            out.println(monitor.id() + " " + stats);
            for (MetricDistribution d : monitor.distributions().values()) {
                out.printf("  %s: pass rate %.2f, mean %.2f, histogram %s%n", d.metric(), d.passRate(), d.meanScore(),
                        d.histogram());
            }
            for (NametagStats t : monitor.nametags().values()) {
                out.printf("  [%s] %d events, pass rate %.2f%n", t.nametag(), t.total(), t.passRate());
            }
            StringWriter lines = new StringWriter();
            int exported = monitor.exportJsonLines(lines);
            out.println("exported " + exported + " events as JSON lines; the first:");
            out.println("  " + lines.toString().lines().findFirst().orElse(""));
            if (store != null) {
                store.flush();
                EventPage failing = store.events(EventQuery.all().withSource(monitor.id())
                        .withVerdict(null, Verdict.FAIL));
                out.println("stored events of " + monitor.id() + " that failed a metric: " + failing.events().size());
                for (StoredEvent e : failing.events()) {
                    out.println("  " + e.eventId() + " [" + e.nametag() + "] " + e.metrics().stream()
                            .filter(m -> m.verdict() == Verdict.FAIL).map(MetricOutcome::metric).toList());
                }
            }
            return stats;
        }
    }
}
