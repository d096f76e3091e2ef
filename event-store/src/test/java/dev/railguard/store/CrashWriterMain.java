package dev.railguard.store;

import dev.railguard.api.Verdict;
import java.time.Instant;

/**
 * The child of {@link CrashDurabilityTest}: accepts events one after another, prints {@code ACK id} once
 * {@link EventStore#accept} returned, then queues the event's completion without waiting. It never stops by itself;
 * the parent kills it with SIGKILL.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {}

    public static void main(String[] args) {
        EventStore store = EventStore.open(args[0]);
        System.out.println("OPEN");
        System.out.flush();
        for (int i = 0; ; i++) {
            StoredEvent e = StoreFixtures.accepted(String.format("evt_%06d", i), "mon_crash", Instant.now(), null);
            store.accept(e);
            System.out.println("ACK " + e.eventId());
            System.out.flush();
            store.update(StoreFixtures.completed(e, Verdict.PASS, Verdict.FAIL));
        }
    }
}
