package dev.railguard.store;

import dev.railguard.store.internal.Jdbc;
import dev.railguard.testkit.TestTools;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract on a real PostgreSQL, each test in a schema of its own. Skips, saying why, unless
 * {@code RAILGUARD_TEST_POSTGRES_URL} (or the system property {@code railguard.test.postgres.url}) names a server;
 * {@code .ci/run} starts a throwaway cluster and sets it.
 */
class PostgresEventStoreTest extends EventStoreContract {

    private final List<String> schemas = new ArrayList<>();

    @BeforeEach
    void needsPostgres() {
        TestTools.assumeAvailable(StoreTargets.postgresUrl() != null, "PostgreSQL", "set "
                + StoreTargets.POSTGRES_ENV + " to a JDBC URL (.ci/run starts a throwaway cluster and sets it)");
    }

    @Override
    String freshTarget() throws Exception {
        String schema = "rg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schemas.add(schema);
        return StoreTargets.postgresSchema(StoreTargets.postgresUrl(), schema);
    }

    @Override
    DataSource dataSource(String target) {
        return new Jdbc(target, null, null, true);
    }

    @AfterEach
    void dropSchemas() throws Exception {
        closeStores();
        for (String s : schemas) {
            StoreTargets.dropPostgresSchema(StoreTargets.postgresUrl(), s);
        }
    }

    @org.junit.jupiter.api.Test
    void a_password_in_the_url_reaches_neither_the_log_nor_the_store() throws Exception {
        String url = freshTarget() + "&password=hunter2-secret";
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (EventStore store = open(url)) {
            store.accept(StoreFixtures.accepted("evt_pw", "mon_a", StoreFixtures.T0, null));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(log).contains("Migrating schema").doesNotContain("hunter2");
    }
}
