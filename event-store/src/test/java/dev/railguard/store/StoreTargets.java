package dev.railguard.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Where the contract tests open their stores: a fresh SQLite file, or a fresh schema of a real PostgreSQL. */
final class StoreTargets {

    /** Set by .ci/run to a throwaway cluster, for example {@code jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres}. */
    static final String POSTGRES_ENV = "RAILGUARD_TEST_POSTGRES_URL";

    private StoreTargets() {}

    static String postgresUrl() {
        String url = System.getProperty("railguard.test.postgres.url", System.getenv(POSTGRES_ENV));
        return url == null || url.isBlank() ? null : url;
    }

    static String sqlite(Path dir) {
        return dir.resolve("events-" + UUID.randomUUID() + ".db").toString();
    }

    /** Creates a fresh schema and returns a URL whose connections use it. */
    static String postgresSchema(String baseUrl, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropPostgresSchema(String baseUrl, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
