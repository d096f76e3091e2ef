package dev.railguard.store.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The store's schema versions, applied by Flyway from {@code classpath:db/migration/railguard}. The history table is
 * {@code rg_schema_history}, so the store can share a database with an application's own Flyway migrations.
 */
public final class Migrations {

    /** Where the migrations are. */
    public static final String LOCATION = "classpath:db/migration/railguard";
    /** Flyway's history table of the store. */
    public static final String HISTORY_TABLE = "rg_schema_history";

    private Migrations() {}

    /** A Flyway configured for the store's migrations on {@code dataSource}, up to the newest version. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** Migrates to the newest version; returns the version the schema is at. */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return current == null ? result.targetSchemaVersion : current.getVersion().getVersion();
    }
}
