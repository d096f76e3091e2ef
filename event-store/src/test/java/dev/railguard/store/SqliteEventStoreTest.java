package dev.railguard.store;

import static dev.railguard.store.StoreFixtures.T0;
import static dev.railguard.store.StoreFixtures.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.evals.AgentEvals;
import dev.railguard.evals.EvalRun;
import dev.railguard.evals.EvalRunRequest;
import dev.railguard.evals.Subject;
import dev.railguard.format.AgnoEvalRun;
import dev.railguard.store.internal.Jdbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a SQLite file (every build), plus what only a file store does. */
class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path dir;

    @Override
    String freshTarget() {
        return StoreTargets.sqlite(dir);
    }

    @Override
    DataSource dataSource(String target) {
        return new Jdbc("jdbc:sqlite:" + target, null, null, true);
    }

    @Test
    void a_path_in_a_missing_folder_creates_the_folder_and_the_file() {
        Path file = dir.resolve("a/b/events.db");
        try (EventStore store = EventStore.open(file)) {
            store.accept(accepted("evt_1", "mon_a", T0, null));
        }
        assertThat(Files.isRegularFile(file)).isTrue();
        try (EventStore again = EventStore.open(file.toString())) {
            assertThat(again.event("evt_1")).isPresent();
        }
    }

    @Test
    void a_row_the_database_refuses_fails_only_its_own_write() throws Exception {
        String target = freshTarget();
        EventStore store = open(target);
        try (Connection c = dataSource(target).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER poison BEFORE INSERT ON rg_events WHEN NEW.nametag = 'poison'"
                    + " BEGIN SELECT RAISE(ABORT, 'poisoned row'); END");
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(store.update(accepted("evt_" + i, "mon_a", T0.plusMillis(i), i == 7 ? "poison" : "ok")));
        }
        store.flush();

        assertThatThrownBy(writes.get(7)::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("evt_7").hasMessageContaining("poisoned row");
        for (int i = 0; i < 20; i++) {
            assertThat(store.event("evt_" + i).isPresent()).as("evt_" + i + " stored").isEqualTo(i != 7);
            if (i != 7) {
                assertThat(writes.get(i)).isCompleted();
            }
        }
        assertThat(EventStoreContract.ids(store, EventQuery.all())).hasSize(19).doesNotContain("evt_7");
        assertThat(store.writeStats().failures()).isEqualTo(1);
        assertThatThrownBy(() -> store.accept(accepted("evt_p", "mon_a", T0, "poison")))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("evt_p");
    }

    @Test
    void after_close_writes_are_refused() {
        EventStore store = EventStore.open(dir.resolve("closed.db"));
        store.close();
        assertThatThrownBy(() -> store.update(accepted("evt_1", "mon_a", T0, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void bad_names_and_limits_are_refused_naming_the_field_and_value() {
        try (EventStore store = EventStore.open(dir.resolve("names.db"))) {
            assertThatThrownBy(() -> store.evalRuns("drop table;")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("table").hasMessageContaining("'drop table;'");
            assertThatThrownBy(() -> EventQuery.all().withLimit(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("limit").hasMessageContaining("0");
            assertThatThrownBy(() -> EvalRunQuery.all().withEvalTypes("speed"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'speed'");
            assertThatThrownBy(() -> EvalRunQuery.all().withFilterType("user"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'user'");
            assertThatThrownBy(() -> store.evalRuns().rename("r1", ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
            assertThatThrownBy(() -> store.evalRuns().delete(List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eval_run_ids");
            assertThatThrownBy(() -> EventStore.builder("x.db").dbId("no spaces"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'no spaces'");
        }
    }

    @Test
    void a_password_in_the_url_never_reaches_an_error_message() {
        assertThatThrownBy(() -> EventStore.open("jdbc:postgresql://127.0.0.1:1/db?user=u&password=hunter2"))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("password=***")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(Jdbc.redact("jdbc:postgresql://bob:secret@db:5432/x?password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://***@db:5432/x?password=***&ssl=true");
    }

    @Test
    void db_id_and_table_resolve_to_one_table_of_one_store() {
        try (EventStore a = EventStore.builder(dir.resolve("a.db").toString()).dbId("prod").build();
                EventStore b = EventStore.builder(dir.resolve("b.db").toString()).dbId("ci").build()) {
            EventStores stores = EventStores.of(a, b);
            stores.evalRuns("ci", "nightly").create(StoreFixtures.run("r1", "accuracy", null, null, T0));

            assertThat(b.evalRuns("nightly").get("r1")).isPresent();
            assertThat(a.evalRuns("nightly").get("r1")).isEmpty();
            assertThat(stores.evalRuns(null, null).dbId()).isEqualTo("prod");
            assertThat(stores.evalRuns(null, null).name()).isEqualTo(EvalRunTable.DEFAULT_TABLE);
            assertThatThrownBy(() -> stores.evalRuns("staging", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'staging'").hasMessageContaining("[prod, ci]");
            assertThatThrownBy(() -> EventStores.of(a, a)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'prod'");
        }
    }

    @Test
    void agnos_record_of_a_run_is_stored_and_read_back_with_every_key() throws Exception {
        EvalRunRequest request = EvalRunRequest.fromJson("""
                {"eval_type": "performance", "input": "go", "agent_id": "basic-agent", "team_id": "t1",
                 "model_id": "gpt-4o", "model_provider": "OpenAI", "num_iterations": 2, "name": "perf \\"quoted\\""}""");
        try (RailguardEvaluator offline = RailguardEvaluator.builder().build();
                EventStore store = EventStore.open(dir.resolve("agno.db"))) {
            EvalRun run = AgentEvals.using(offline).run(request,
                    Subject.of(in -> "done"));
            AgnoEvalRun record = run.toAgno(request);
            EvalRunTable table = store.evalRuns("agno");
            table.create(record);

            AgnoEvalRun read = table.record(run.id()).orElseThrow();
            assertThat(read).isEqualTo(record);
            assertThat(read.write()).isEqualTo(record.write());
            assertThat(table.list(EvalRunQuery.all().withAgent("basic-agent").withEvalTypes("performance"))
                    .totalCount()).isEqualTo(1);
            assertThat(table.rename(run.id(), "renamed").toAgno().name()).isEqualTo("renamed");
        }
    }
}
