package dev.railguard.store.internal;

import dev.railguard.format.DeepRailsResponses;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import dev.railguard.deeprails.DeepRailsJson;
import dev.railguard.event.EventInput;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventRecorder;
import dev.railguard.event.EventSource;
import dev.railguard.store.BillingRecord;
import dev.railguard.store.EventKind;
import dev.railguard.store.EventStore;
import dev.railguard.store.MetricOutcome;
import dev.railguard.store.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The store as a workflow's or monitor's {@link EventRecorder}: an accepted event is committed before
 * {@code accepted} returns; later states are queued for the writer thread; the request body is kept as DeepRails
 * JSON and read back with {@link DeepRailsJson} for {@code resume()}.
 */
public final class StoreRecorder implements EventRecorder {

    private static final System.Logger LOG = System.getLogger(StoreRecorder.class.getName());

    private final EventStore store;

    /** The recorder of {@code store}. */
    public StoreRecorder(EventStore store) {
        this.store = store;
    }

    @Override
    public void accepted(EventRecord event) {
        store.accept(toStored(event));
    }

    @Override
    public void updated(EventRecord event) {
        store.update(toStored(event));
    }

    @Override
    public List<EventRecord> pending(EventSource source, String sourceId) {
        List<EventRecord> out = new ArrayList<>();
        for (StoredEvent e : store.pending(kind(source), sourceId)) {
            EventInput input;
            try {
                input = DeepRailsJson.readEventInput(e.inputJson());
            } catch (IllegalArgumentException bad) {
                // one unreadable row must not cost the others their resume: it ends failed, with the reason
                String reason = "could not resume: the stored request body is not readable: " + bad.getMessage();
                LOG.log(System.Logger.Level.WARNING, "event " + e.eventId() + ": " + reason);
                store.update(e.finished(EvaluationStatus.FAILED, Instant.now(), e.detailJson(), reason, List.of(),
                        e.billing()));
                continue;
            }
            out.add(new EventRecord(e.eventId(), source, e.sourceId(), e.status(), input, e.createdAt(), null, null,
                    Usage.NONE, e.detailJson(), null));
        }
        return out;
    }

    static StoredEvent toStored(EventRecord r) {
        List<MetricOutcome> metrics = new ArrayList<>();
        EvaluationResult result = r.result();
        if (result != null) {
            for (MetricResult m : result.metrics().values()) {
                metrics.add(new MetricOutcome(m.metric(), m.score().isPresent() ? m.score().getAsDouble() : null,
                        m.threshold(), m.verdict()));
            }
        }
        Usage u = r.usage();
        BillingRecord billing = r.status().isTerminal() || u.judgeCalls() > 0 || u.cacheHits() > 0
                ? new BillingRecord(DeepRailsResponses.billingRequestId(r.eventId()), u.judgeCalls(), u.cacheHits(),
                        u.inputTokens(), u.outputTokens(), u.cost())
                : null;
        Instant now = Instant.now();
        return new StoredEvent(r.eventId(), kind(r.source()), r.sourceId(), r.status(), r.input().nametag(),
                r.input().runMode(), r.input().modelUsed(), r.createdAt(), now,
                r.status().isTerminal() ? (r.completedAt() == null ? now : r.completedAt()) : null,
                DeepRailsJson.requestBody(r.input()), r.detailJson(), r.errorMessage(), metrics, billing);
    }

    private static EventKind kind(EventSource source) {
        return source == EventSource.WORKFLOW ? EventKind.WORKFLOW : EventKind.MONITOR;
    }
}
