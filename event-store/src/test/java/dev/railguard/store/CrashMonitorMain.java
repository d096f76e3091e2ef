package dev.railguard.store;

import dev.railguard.api.ModelInput;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;

/**
 * The child of {@link CrashDurabilityTest}'s monitor test: a monitor {@code mon_crash} writing to the store file given
 * as the argument, fed as fast as it takes events; prints {@code ACK id} after each {@code submit} returned. Its metric
 * takes 50 ms per event, so events pile up queued. It never stops by itself; the parent kills it with SIGKILL.
 */
public final class CrashMonitorMain {

    private CrashMonitorMain() {}

    public static void main(String[] args) throws Exception {
        EventStore store = EventStore.open(args[0]);
        RailguardEvaluator evaluator = StoreMonitors.evaluator(50);
        Monitor monitor = Monitor.builder().id("mon_crash").name("crash").evaluator(evaluator).metrics("length")
                .maxInFlight(2).recorder(store.recorder()).build();
        for (int i = 0; ; i++) {
            MonitorEvent e = monitor.submit(EventInput.of(ModelInput.ofUserPrompt("q" + i), "x".repeat(i % 20)));
            System.out.println("ACK " + e.eventId());
            System.out.flush();
        }
    }
}
