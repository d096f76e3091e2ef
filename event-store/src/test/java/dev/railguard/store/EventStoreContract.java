package dev.railguard.store;

import static dev.railguard.store.StoreFixtures.T0;
import static dev.railguard.store.StoreFixtures.accepted;
import static dev.railguard.store.StoreFixtures.completed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Verdict;
import dev.railguard.store.internal.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every database behind an {@link EventStore} must do; run on SQLite always and on PostgreSQL when reachable. */
abstract class EventStoreContract {

    private final List<EventStore> opened = new ArrayList<>();

    /** A target (URL or file) of an empty database, fresh for each call. */
    abstract String freshTarget() throws Exception;

    /** A data source on {@code target}, for the tests that go around the store. */
    abstract DataSource dataSource(String target);

    EventStore open(String target) {
        EventStore s = EventStore.open(target);
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EventStore::close);
    }

    @Test
    void a_fresh_database_is_migrated_to_the_newest_version_and_reopening_changes_nothing() throws Exception {
        String target = freshTarget();
        EventStore first = open(target);
        assertThat(first.schemaVersion()).isEqualTo("2");
        first.accept(accepted("evt_1", "mon_a", T0, null));
        first.close();
        EventStore again = open(target);
        assertThat(again.schemaVersion()).isEqualTo("2");
        assertThat(again.event("evt_1")).isPresent();
    }

    @Test
    void a_database_one_version_behind_is_upgraded_and_keeps_its_events() throws Exception {
        String target = freshTarget();
        DataSource ds = dataSource(target);
        Flyway v1 = Flyway.configure().dataSource(ds).locations(Migrations.LOCATION)
                .table(Migrations.HISTORY_TABLE).target("1").load();
        v1.migrate();
        assertThat(v1.info().current().getVersion().getVersion()).isEqualTo("1");
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO rg_events"
                + " (event_id, kind, source_id, status, nametag, run_mode, model_used, created_at, updated_at,"
                + " completed_at, input_json, detail_json, error_message)"
                + " VALUES ('evt_old', 'monitor', 'mon_a', 'completed', 'v1', 'fast', NULL, ?, ?, ?, '{}', '{}', NULL)")) {
            s.setLong(1, T0.toEpochMilli());
            s.setLong(2, T0.toEpochMilli());
            s.setLong(3, T0.toEpochMilli());
            s.executeUpdate();
        }

        EventStore store = open(target);

        assertThat(store.schemaVersion()).isEqualTo("2");
        StoredEvent old = store.event("evt_old").orElseThrow();
        assertThat(old.status()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(old.nametag()).isEqualTo("v1");
        assertThat(old.billing()).isNull();
        StoredEvent fresh = accepted("evt_new", "mon_a", T0.plusSeconds(1), null);
        store.accept(completed(fresh, Verdict.PASS, Verdict.PASS));
        assertThat(store.billing("bill_new").orElseThrow().inputTokens()).isEqualTo(1200);
    }

    @Test
    void an_event_round_trips_and_an_update_replaces_its_state_and_metrics() throws Exception {
        EventStore store = open(freshTarget());
        StoredEvent e = accepted("evt_rt", "wkfl_w", T0, "staging");
        store.accept(e);
        StoredEvent read = store.event("evt_rt").orElseThrow();
        assertThat(read).isEqualTo(e);
        assertThat(read.pending()).isTrue();

        StoredEvent done = completed(e, Verdict.FAIL, Verdict.ERROR);
        store.update(done);
        store.update(done.finished(EvaluationStatus.COMPLETED, T0.plusSeconds(3), "{\"v\":2}", null,
                List.of(new MetricOutcome("correctness", 0.97, 0.9, Verdict.PASS)), done.billing()));
        store.flush();

        StoredEvent last = store.event("evt_rt").orElseThrow();
        assertThat(last.status()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(last.detailJson()).isEqualTo("{\"v\":2}");
        assertThat(last.completedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(last.metrics()).containsExactly(new MetricOutcome("correctness", 0.97, 0.9, Verdict.PASS));
        assertThat(last.billing()).isEqualTo(done.billing());
        assertThat(last.inputJson()).isEqualTo(e.inputJson());
        assertThat(store.event("evt_missing")).isEmpty();
    }

    @Test
    void a_metric_without_a_score_keeps_its_null_score() throws Exception {
        EventStore store = open(freshTarget());
        store.accept(completed(accepted("evt_n", "mon_a", T0, null), Verdict.PASS, Verdict.ERROR));
        MetricOutcome m = store.event("evt_n").orElseThrow().metric("completeness").orElseThrow();
        assertThat(m.score()).isNull();
        assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void cursor_pages_list_every_event_once_newest_first() throws Exception {
        EventStore store = open(freshTarget());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // pairs of events share a millisecond, so the cursor must order by id within it
            Instant at = T0.plusMillis(i / 2);
            String id = String.format("evt_%03d", i);
            store.update(accepted(id, "mon_a", at, null));
            expected.add(0, id);
        }
        store.flush();
        expected.sort((a, b) -> {
            int ia = Integer.parseInt(a.substring(4));
            int ib = Integer.parseInt(b.substring(4));
            int byTime = Integer.compare(ib / 2, ia / 2);
            return byTime != 0 ? byTime : b.compareTo(a);
        });

        List<String> seen = new ArrayList<>();
        EventQuery q = EventQuery.all().withLimit(10);
        int pages = 0;
        while (true) {
            EventPage page = store.events(q);
            pages++;
            page.events().forEach(e -> seen.add(e.eventId()));
            if (page.next().isEmpty()) {
                break;
            }
            q = q.after(page.nextCursor());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void filters_select_by_status_nametag_metric_verdict_time_and_source() throws Exception {
        EventStore store = open(freshTarget());
        store.accept(completed(accepted("evt_a", "mon_a", T0, "prod"), Verdict.PASS, Verdict.PASS));
        store.accept(completed(accepted("evt_b", "mon_a", T0.plusSeconds(60), "prod"), Verdict.FAIL, Verdict.PASS));
        store.accept(completed(accepted("evt_c", "mon_b", T0.plusSeconds(120), "staging"), Verdict.PASS, Verdict.FAIL));
        store.accept(accepted("evt_d", "wkfl_w", T0.plusSeconds(180), "prod"));

        assertThat(ids(store, EventQuery.all().withStatus(EvaluationStatus.QUEUED))).containsExactly("evt_d");
        assertThat(ids(store, EventQuery.all().withNametag("prod"))).containsExactly("evt_d", "evt_b", "evt_a");
        assertThat(ids(store, EventQuery.all().withVerdict("correctness", Verdict.FAIL))).containsExactly("evt_b");
        assertThat(ids(store, EventQuery.all().withVerdict(null, Verdict.FAIL))).containsExactly("evt_c", "evt_b");
        assertThat(ids(store, EventQuery.all().withMetric("completeness"))).containsExactly("evt_c", "evt_b", "evt_a");
        assertThat(ids(store, EventQuery.all().withRange(T0.plusSeconds(60), T0.plusSeconds(180))))
                .containsExactly("evt_c", "evt_b");
        assertThat(ids(store, EventQuery.all().withSource("mon_a").withVerdict("correctness", Verdict.PASS)))
                .containsExactly("evt_a");
        assertThat(ids(store, EventQuery.all().withKind(EventKind.WORKFLOW))).containsExactly("evt_d");
    }

    @Test
    void counts_per_status_and_metric_verdict_cover_only_the_time_range() throws Exception {
        EventStore store = open(freshTarget());
        store.accept(completed(accepted("evt_early", "mon_a", T0.minus(Duration.ofDays(2)), null), Verdict.FAIL,
                Verdict.FAIL));
        store.accept(completed(accepted("evt_a", "mon_a", T0, null), Verdict.PASS, Verdict.PASS));
        store.accept(completed(accepted("evt_b", "mon_a", T0.plusSeconds(1), null), Verdict.FAIL, Verdict.PASS));
        store.accept(completed(accepted("evt_c", "mon_a", T0.plusSeconds(2), null), Verdict.FAIL, Verdict.ERROR));
        store.accept(accepted("evt_d", "mon_a", T0.plusSeconds(3), null));

        EventCounts c = store.counts(EventQuery.all().withRange(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1))));

        assertThat(c.total()).isEqualTo(4);
        assertThat(c.status(EvaluationStatus.COMPLETED)).isEqualTo(3);
        assertThat(c.status(EvaluationStatus.QUEUED)).isEqualTo(1);
        assertThat(c.status(EvaluationStatus.FAILED)).isZero();
        assertThat(c.verdict("correctness", Verdict.PASS)).isEqualTo(1);
        assertThat(c.verdict("correctness", Verdict.FAIL)).isEqualTo(2);
        assertThat(c.verdict("completeness", Verdict.PASS)).isEqualTo(2);
        assertThat(c.verdict("completeness", Verdict.ERROR)).isEqualTo(1);
        assertThat(c.verdict("completeness", Verdict.FAIL)).isZero();
        assertThat(c.byMetric()).containsOnlyKeys("completeness", "correctness");
    }

    @Test
    void pending_lists_the_accepted_events_of_one_source_that_are_not_over() throws Exception {
        EventStore store = open(freshTarget());
        store.accept(accepted("evt_p1", "mon_a", T0, null));
        store.accept(completed(accepted("evt_done", "mon_a", T0.plusMillis(1), null), Verdict.PASS, Verdict.PASS));
        StoredEvent running = accepted("evt_p2", "mon_a", T0.plusMillis(2), null);
        store.accept(running.finished(EvaluationStatus.IN_PROGRESS, T0.plusMillis(3), null, null, List.of(), null));
        store.accept(accepted("evt_other", "mon_b", T0, null));

        assertThat(store.pending(EventKind.MONITOR, "mon_a")).extracting(StoredEvent::eventId)
                .containsExactly("evt_p1", "evt_p2");
        assertThat(store.pending(EventKind.WORKFLOW, "mon_a")).isEmpty();
    }

    @Test
    void a_cursor_the_store_did_not_write_is_refused_naming_it() throws Exception {
        EventStore store = open(freshTarget());
        assertThatThrownBy(() -> store.events(EventQuery.all().after("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor")
                .hasMessageContaining("not-a-cursor");
    }

    @Test
    void eval_runs_are_created_fetched_listed_renamed_and_deleted_per_table() throws Exception {
        EventStore store = open(freshTarget());
        EvalRunTable runs = store.evalRuns("agno_evals");
        runs.create(StoreFixtures.run("r1", "accuracy", "basic-agent", "gpt-4o", T0));
        runs.create(StoreFixtures.run("r2", "reliability", "basic-agent", "gpt-4o-mini", T0.plusSeconds(1)));
        runs.create(StoreFixtures.run("r3", "accuracy", null, "gpt-4o", T0.plusSeconds(2)));
        store.evalRuns().create(StoreFixtures.run("r1", "performance", "other", "gpt-4o", T0));

        assertThat(runs.get("r1").orElseThrow().evalType()).isEqualTo("accuracy");
        assertThat(store.evalRuns().get("r1").orElseThrow().evalType()).isEqualTo("performance");
        assertThatThrownBy(() -> runs.create(StoreFixtures.run("r1", "accuracy", null, null, T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r1' already exists");

        EvalRunPage all = runs.list(EvalRunQuery.all());
        assertThat(all.runs()).extracting(StoredEvalRun::id).containsExactly("r3", "r2", "r1");
        assertThat(all.totalCount()).isEqualTo(3);
        assertThat(runs.list(EvalRunQuery.all().withEvalTypes("accuracy")).runs()).extracting(StoredEvalRun::id)
                .containsExactly("r3", "r1");
        assertThat(runs.list(EvalRunQuery.all().withAgent("basic-agent").withModel("gpt-4o")).runs())
                .extracting(StoredEvalRun::id).containsExactly("r1");
        assertThat(runs.list(EvalRunQuery.all().withFilterType("agent")).totalCount()).isEqualTo(2);
        EvalRunPage second = runs.list(EvalRunQuery.all().withPage(2, 2));
        assertThat(second.runs()).extracting(StoredEvalRun::id).containsExactly("r1");
        assertThat(second.totalCount()).isEqualTo(3);
        assertThat(second.totalPages()).isEqualTo(2);

        StoredEvalRun renamed = runs.rename("r2", "nightly");
        assertThat(renamed.name()).isEqualTo("nightly");
        assertThat(renamed.updatedAt()).isAfter(renamed.createdAt());
        assertThat(runs.get("r2").orElseThrow().name()).isEqualTo("nightly");
        assertThatThrownBy(() -> runs.rename("nope", "x")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nope");

        assertThat(runs.delete(List.of("r1", "r2", "nope"))).isEqualTo(2);
        assertThat(runs.list(EvalRunQuery.all()).runs()).extracting(StoredEvalRun::id).containsExactly("r3");
        assertThat(store.evalRuns().get("r1")).isPresent();
    }

    @Test
    void concurrent_acknowledged_events_are_all_stored() throws Exception {
        EventStore store = open(freshTarget());
        int threads = 8;
        int perThread = 40;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int tt = t;
            Thread w = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    store.accept(accepted("evt_" + tt + "_" + i, "mon_a", T0.plusMillis(i), null));
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        Set<String> seen = new HashSet<>();
        EventQuery q = EventQuery.all().withLimit(1000);
        store.events(q).events().forEach(e -> seen.add(e.eventId()));
        assertThat(seen).hasSize(threads * perThread);
        EventStore.WriteStats stats = store.writeStats();
        assertThat(stats.eventsWritten()).isEqualTo(threads * perThread);
        assertThat(stats.failures()).isZero();
    }

    @Test
    void a_monitor_records_its_events_and_resumes_through_the_recorder() throws Exception {
        EventStore store = open(freshTarget());
        store.accept(StoredEvent.accepted("evt_left", EventKind.MONITOR, "mon_contract", null,
                dev.railguard.api.RunMode.FAST, null, T0, dev.railguard.deeprails.DeepRailsJson.requestBody(
                        dev.railguard.event.EventInput.of(dev.railguard.api.ModelInput.ofUserPrompt("q"), "abc"))));
        try (dev.railguard.engine.RailguardEvaluator evaluator = StoreMonitors.evaluator();
                dev.railguard.monitor.Monitor monitor = dev.railguard.monitor.Monitor.builder().id("mon_contract")
                        .name("contract").evaluator(evaluator).metrics("length").recorder(store.recorder()).build()) {
            assertThat(monitor.resume()).isEqualTo(1);
            monitor.submit(dev.railguard.event.EventInput.of(dev.railguard.api.ModelInput.ofUserPrompt("q"),
                    "abcdefghijkl").withNametag("prod"));
            assertThat(monitor.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        store.flush();
        EventCounts c = store.counts(EventQuery.all().withSource("mon_contract"));
        assertThat(c.status(EvaluationStatus.COMPLETED)).isEqualTo(2);
        assertThat(c.verdict("length", Verdict.FAIL)).isEqualTo(1);
        assertThat(c.verdict("length", Verdict.PASS)).isEqualTo(1);
        assertThat(store.event("evt_left").orElseThrow().billing()).isNotNull();
        assertThat(store.pending(EventKind.MONITOR, "mon_contract")).isEmpty();
    }

    static List<String> ids(EventStore store, EventQuery q) {
        return store.events(q).events().stream().map(StoredEvent::eventId).toList();
    }
}
