package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.engine.Redaction;
import dev.railguard.format.AgnoEvalRun;
import dev.railguard.store.EventStore;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.railguard.format.BadEvalRunCases;
import dev.railguard.format.BadEventCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code railguard eval-run} answers as Agno's /eval-runs does (seed 002) and keeps the run where Agno would. */
class EvalRunRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path body() throws Exception {
        return Files.writeString(dir.resolve("run.json"), "{\"eval_type\":\"performance\",\"input\":\"Capital of"
                + " France?\",\"num_iterations\":2,\"model_id\":\"agent-model\",\"agent_id\":\"basic-agent\","
                + "\"model_provider\":\"OpenAI\",\"team_id\":\"team-1\",\"name\":\"latency\"}");
    }

    @Test
    void the_printed_record_has_seed_002s_thirteen_keys_in_order_with_the_bodys_ids() throws Exception {
        try (StubOpenAiServer server = StubOpenAiServer.start(Cli::judge)) {
            Cli r = Cli.run(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl()), "eval-run", body().toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode record = JSON.readTree(r.out());
            List<String> keys = new ArrayList<>();
            record.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("id", "agent_id", "model_id", "model_provider", "team_id",
                    "workflow_id", "name", "evaluated_component_name", "eval_type", "eval_data", "eval_input",
                    "created_at", "updated_at");
            assertThat(record.path("agent_id").asText()).isEqualTo("basic-agent");
            assertThat(record.path("model_provider").asText()).isEqualTo("OpenAI");
            assertThat(record.path("team_id").asText()).isEqualTo("team-1");
            assertThat(record.path("workflow_id").isNull()).isTrue();
            assertThat(record.path("eval_type").asText()).isEqualTo("performance");
        }
    }

    @Test
    void store_db_id_and_table_keep_the_record_where_it_reads_back_whole() throws Exception {
        Path db = dir.resolve("runs.db");
        try (StubOpenAiServer server = StubOpenAiServer.start(Cli::judge)) {
            Cli r = Cli.run(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl()), "eval-run", body().toString(),
                    "--store", db.toString(), "--db-id", "team-a", "--table", "nightly");
            assertThat(r.exitCode()).as(r.err()).isZero();
            String id = JSON.readTree(r.out()).path("id").asText();
            try (EventStore store = EventStore.builder(db.toString()).dbId("team-a").build()) {
                AgnoEvalRun kept = store.evalRuns("nightly").record(id).orElseThrow();
                assertThat(JSON.readTree(kept.write())).isEqualTo(JSON.readTree(r.out()));
                assertThat(store.evalRuns().record(id)).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEvalRunCases#arguments")
    void a_bad_body_is_a_usage_error_with_the_shared_tables_message(BadEventCases.Case c) throws Exception {
        Path body = Files.writeString(dir.resolve("bad.json"), c.apply(BadEvalRunCases.BODY));
        Cli r = Cli.run(Map.of(), "eval-run", body.toString(), "--agent-model", "m");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("eval-run: REQUEST.json: " + c.message() + " (see ");
    }

    @Test
    void db_id_or_table_without_a_store_is_a_usage_error_naming_the_option() throws Exception {
        Cli r = Cli.run(Map.of(), "eval-run", body().toString(), "--table", "nightly");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--table needs --store: the event store to keep the record in");
        Cli bad = Cli.run(Map.of("RAILGUARD_JUDGE_BASE_URL", "http://127.0.0.1:9"), "eval-run", body().toString(),
                "--store", dir.resolve("x.db").toString(), "--db-id", "no spaces");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("dbId must be 1 to 64 letters, digits, '_', '.' or '-', but was: 'no spaces'");
    }

    @Test
    void an_agent_key_echoed_by_the_agent_endpoint_never_reaches_the_record_or_the_terminal() throws Exception {
        // a gateway key of no known shape: only registration can mask it
        String key = "gw-agent-" + "Qx7v".repeat(8);
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> new StubReply(401,
                "{\"error\":{\"message\":\"invalid key " + key + "\",\"type\":\"auth\"}}",
                Map.of("Content-Type", "application/json"), Duration.ZERO))) {
            Cli r = Cli.run(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(), "RAILGUARD_AGENT_API_KEY", key),
                    "eval-run", body().toString());
            assertThat(server.requests()).isNotEmpty();
            assertThat(r.out() + r.err()).doesNotContain(key).doesNotContain("Qx7vQx7v").contains(Redaction.MASK);
        }
    }
}
